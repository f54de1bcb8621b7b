import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { db, dbEngine } from "~/lib/db.server";
import { loader as adminContentLoader } from "~/routes/admin.content";
import { syncAndEnter } from "../../fixtures/library";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";

const quiet = { log: () => {}, warn: () => {} };
let dir: string;

function write(name: string, text: string | Uint8Array) {
  const file = path.join(dir, "courses", name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

async function totalChanges(): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>("SELECT total_changes() AS n");
  return Number(row?.n);
}

async function course(slug: string) {
  return db.course.findUnique({
    where: { slug },
    select: {
      id: true,
      status: true,
      titleZh: true,
      currentVersion: { select: { version: true, body: true } },
      _count: { select: { versions: true } },
    },
  });
}

// Each test gets its own slugs: the database is shared by the tests of this file.
let n = 0;
let slugs: { series: string; a: string; b: string };

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-sync-"));
  n++;
  slugs = { series: `sync-series-${n}`, a: `sync-a-${n}`, b: `sync-b-${n}` };
  write(`${slugs.series}/series.md`, seriesText(slugs.series));
  write(
    `${slugs.series}/01-${slugs.a}.md`,
    courseText({ slug: slugs.a, series: slugs.series, title: "{ zh: 第一课, en: Lesson A }" }),
  );
  write(
    `${slugs.series}/02-${slugs.b}.md`,
    courseText({ slug: slugs.b, series: slugs.series, position: "2" }, "## 一\n独角兽话术\n## 二\n内容\n"),
  );
  return () => rmSync(dir, { recursive: true, force: true });
});

describe("content sync", () => {
  // SQLite counts a connection's writes (total_changes); PostgreSQL's counters are cluster-wide
  // and flushed late, so "no writes" is checked on SQLite.
  it.skipIf(dbEngine() === "postgres")(
    "stores every course cold, then writes nothing when nothing changed",
    async () => {
      const start = await totalChanges();
      // The files claim `accepted`; entering them makes the claims true (decision 035).
      const cold = await syncAndEnter(dir);
      // The counter sees this connection's writes, so "no change" below means no write.
      expect(await totalChanges()).toBeGreaterThan(start);
      expect(cold).toMatchObject({ created: 2, newVersions: 0, problems: [] });
      expect((await course(slugs.a))?.currentVersion?.version).toBe(1);
      const series = await db.series.findUnique({
        where: { slug: slugs.series },
        select: { courses: { select: { slug: true }, orderBy: { position: "asc" } } },
      });
      expect(series?.courses.map((c) => c.slug)).toEqual([slugs.a, slugs.b]);

      const before = await totalChanges();
      const again = await syncContent(dir, quiet);
      expect(again).toMatchObject({ created: 0, newVersions: 0, unchanged: 2, retired: 0, series: 0 });
      expect(await totalChanges()).toBe(before);
    },
  );

  it("stores a changed file as a new version and keeps the old one", async () => {
    await syncContent(dir, quiet);
    write(
      `${slugs.series}/01-${slugs.a}.md`,
      courseText({ slug: slugs.a, series: slugs.series, title: "{ zh: 第一课（修订）, en: Lesson A }" }),
    );
    const r = await syncContent(dir, quiet);
    expect(r).toMatchObject({ created: 0, newVersions: 1, unchanged: 1 });
    const c = await course(slugs.a);
    expect(c).toMatchObject({ titleZh: "第一课（修订）", currentVersion: { version: 2 }, _count: { versions: 2 } });
  });

  it("retires a course whose file was removed, keeping its history", async () => {
    await syncContent(dir, quiet);
    rmSync(path.join(dir, "courses", slugs.series, `02-${slugs.b}.md`));
    const r = await syncContent(dir, quiet);
    expect(r.retired).toBe(1);
    expect(await course(slugs.b)).toMatchObject({ status: "retired", _count: { versions: 1 } });
    expect((await course(slugs.a))?.status).toBe("accepted");
  });

  it("brings a retired course back when its file returns, reusing the stored version", async () => {
    await syncContent(dir, quiet);
    const file = path.join(dir, "courses", slugs.series, `02-${slugs.b}.md`);
    const text = courseText({ slug: slugs.b, series: slugs.series, position: "2" }, "## 一\n独角兽话术\n## 二\n内容\n");
    rmSync(file);
    await syncContent(dir, quiet);
    expect((await course(slugs.b))?.status).toBe("retired");
    writeFileSync(file, text);
    const r = await syncContent(dir, quiet);
    expect(r.newVersions).toBe(1);
    expect(await course(slugs.b)).toMatchObject({
      status: "accepted",
      currentVersion: { version: 1 },
      _count: { versions: 1 },
    });
  });

  it("keeps the last good version of a broken file live and reports it", async () => {
    await syncAndEnter(dir);
    const logged: string[] = [];
    write(
      `${slugs.series}/01-${slugs.a}.md`,
      courseText({ slug: slugs.a, series: slugs.series, competencies: "[communication, telepathy]" }),
    );
    write(
      `${slugs.series}/02-${slugs.b}.md`,
      courseText({
        slug: slugs.b,
        series: slugs.series,
        position: "2",
        status: "trial",
        title: "{ zh: 第二课新版, en: Lesson B }",
      }),
    );
    const r = await syncContent(dir, { log: () => {}, warn: (m: string) => logged.push(m) });
    expect(r.problems).toHaveLength(1);
    expect(logged).toEqual([
      expect.stringMatching(new RegExp(`01-${slugs.a}\\.md:\\d+: competencies\\.1: unknown competency id "telepathy"`)),
    ]);
    // The broken course is untouched; the other one still moves on.
    expect(await course(slugs.a)).toMatchObject({
      status: "accepted",
      titleZh: "第一课",
      currentVersion: { version: 1 },
    });
    expect(await course(slugs.b)).toMatchObject({ titleZh: "第二课新版", currentVersion: { version: 2 } });

    const admin = await createTestUser({ roles: ["ADMIN"] });
    const page = await adminContentLoader({
      request: await makeRequest("/admin/content", { userId: admin.id }),
      params: {},
      context: {},
    });
    expect(page.problems.map((p) => p.message)).toEqual([expect.stringContaining("telepathy")]);

    // Fixed: the problem list empties and the fix becomes version 2.
    write(
      `${slugs.series}/01-${slugs.a}.md`,
      courseText({ slug: slugs.a, series: slugs.series, status: "trial", title: "{ zh: 第一课修好了, en: Lesson A }" }),
    );
    const fixed = await syncContent(dir, quiet);
    expect(fixed.problems).toEqual([]);
    expect(await db.contentProblem.count()).toBe(0);
    expect((await course(slugs.a))?.currentVersion?.version).toBe(2);
  });

  it("does not let a new file with a taken slug take over the live course", async () => {
    await syncAndEnter(dir);
    // "aaa-…" sorts before the original folder, yet the published file keeps its slug.
    write(`aaa-${n}/series.md`, seriesText(`aaa-${n}`));
    write(
      `aaa-${n}/01-copy.md`,
      courseText({ slug: slugs.a, series: `aaa-${n}`, title: "{ zh: 冒名课程, en: Copy }" }),
    );
    const r = await syncContent(dir, quiet);
    expect(r.problems.map((p) => `${path.basename(p.path)}:${p.line}: ${p.message}`)).toEqual([
      expect.stringMatching(new RegExp(`^01-copy\\.md:2: slug: duplicate slug "${slugs.a}"`)),
    ]);
    expect(await course(slugs.a)).toMatchObject({ titleZh: "第一课", currentVersion: { version: 1 } });
  });

  it("never publishes a bad new file, and other courses are unaffected", async () => {
    write(`${slugs.series}/03-bad-${n}.md`, Uint8Array.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]));
    write(
      `${slugs.series}/04-evil-${n}.md`,
      courseText({ slug: `evil-${n}`, series: slugs.series, position: "4" }, "## 一\n<script>alert(1)</script>\n"),
    );
    const r = await syncAndEnter(dir);
    expect(r.created).toBe(2);
    expect(r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("UTF-8"),
      expect.stringContaining("<script>"),
    ]);
    expect(await course(`evil-${n}`)).toBeNull();
  });

  it("indexes the current version for search", async () => {
    await syncContent(dir, quiet);
    const hits = await db.$queryRawUnsafe<{ id: number }[]>(
      dbEngine() === "postgres"
        ? `SELECT id FROM "course_search" WHERE title || summary || body ILIKE '%独角兽%'`
        : `SELECT rowid AS id FROM course_search WHERE course_search MATCH '"独角兽"'`,
    );
    const ids = hits.map((h) => Number(h.id));
    expect(ids).toContain((await course(slugs.b))!.id);
    expect(ids).not.toContain((await course(slugs.a))!.id);
  });
});
