import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db, dbEngine } from "~/lib/db.server";

const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261129120000_content_source_relative/migration.sql");

async function applyMigration() {
  const sql = readFileSync(MIGRATION, "utf8").replace(/^--.*$/gm, "");
  for (const statement of sql
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean))
    await db.$executeRawUnsafe(statement);
}

// A SQLite migration of data stored before it: PostgreSQL's history starts later (its init
// migration), so there is nothing to rewrite there and the statements are SQLite's.
describe.skipIf(dbEngine() === "postgres")("stored source paths become relative to the content folder", () => {
  it("rewrites absolute, working-directory and Windows paths; leaves relative ones and blanks alone", async () => {
    const rows = {
      "mig-abs": "/srv/weike/content/courses/mig-series/01-mig-abs.md",
      "mig-cwd": "content/courses/mig-series/02-mig-cwd.md",
      "mig-win": "C:\\weike\\content\\courses\\mig-series\\03-mig-win.md",
      "mig-done": "courses/mig-series/04-mig-done.md",
      "mig-blank": "",
    };
    for (const [slug, sourcePath] of Object.entries(rows)) {
      await db.course.create({ data: { slug, titleZh: slug, titleEn: slug, area: "business", sourcePath } });
    }
    await db.series.create({
      data: {
        slug: "mig-series",
        titleZh: "x",
        titleEn: "x",
        sourcePath: "/srv/weike/content/courses/mig-series/series.md",
      },
    });
    await applyMigration();
    const after = await db.course.findMany({
      where: { slug: { startsWith: "mig-" } },
      select: { slug: true, sourcePath: true },
    });
    expect(Object.fromEntries(after.map((c) => [c.slug, c.sourcePath]))).toEqual({
      "mig-abs": "courses/mig-series/01-mig-abs.md",
      "mig-cwd": "courses/mig-series/02-mig-cwd.md",
      "mig-win": "courses/mig-series/03-mig-win.md",
      "mig-done": "courses/mig-series/04-mig-done.md",
      "mig-blank": "",
    });
    expect(await db.series.findUnique({ where: { slug: "mig-series" }, select: { sourcePath: true } })).toEqual({
      sourcePath: "courses/mig-series/series.md",
    });
  });
});
