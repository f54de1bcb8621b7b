import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { db } from "~/lib/db.server";
import { syncAndEnter } from "../../fixtures/library";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";

const quiet = { log: () => {}, warn: () => {} };
const made: string[] = [];

function folder(under: string) {
  const dir = mkdtempSync(path.join(under, "weike-moved-"));
  made.push(dir);
  return dir;
}

function write(dir: string, name: string, text: string) {
  const file = path.join(dir, "courses", name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("content sync after the content folder moves", () => {
  it("keeps the last good version of a broken file live when the folder moved (absolute → relative path)", async () => {
    const series = "moved-series";
    const a = "moved-a";
    const b = "moved-b";
    const first = folder(tmpdir());
    write(first, `${series}/series.md`, seriesText(series));
    write(first, `${series}/01-${a}.md`, courseText({ slug: a, series, title: "{ zh: 搬家前, en: Before the move }" }));
    write(first, `${series}/02-${b}.md`, courseText({ slug: b, series, position: "2" }));
    expect(await syncAndEnter(first)).toMatchObject({ created: 2, problems: [] });

    // The same files under another folder, named by a path relative to the working directory.
    const second = folder(path.join(process.cwd(), "tests/.tmp"));
    cpSync(first, second, { recursive: true });
    write(second, `${series}/01-${a}.md`, courseText({ slug: a, series, competencies: "[communication, telepathy]" }));
    const relative = path.relative(process.cwd(), second);
    expect(path.isAbsolute(relative)).toBe(false);

    const logged: string[] = [];
    const r = await syncContent(relative, { log: () => {}, warn: (m: string) => logged.push(m) });
    expect(r.retired).toBe(0);
    expect(r.newVersions).toBe(0);
    expect(r.problems).toHaveLength(1);
    expect(logged).toEqual([
      expect.stringMatching(new RegExp(`01-${a}\\.md:\\d+: competencies\\.1: unknown competency id "telepathy"`)),
    ]);
    const course = await db.course.findUnique({
      where: { slug: a },
      select: { status: true, titleZh: true, currentVersion: { select: { version: true } } },
    });
    expect(course).toMatchObject({ status: "accepted", titleZh: "搬家前", currentVersion: { version: 1 } });
    expect(await db.course.count({ where: { slug: { in: [a, b] }, status: "retired" } })).toBe(0);
    expect(await db.series.findUnique({ where: { slug: series }, select: { retired: true } })).toEqual({
      retired: false,
    });
  });

  it("stores where a file lives relative to the content folder, with forward slashes", async () => {
    const dir = folder(tmpdir());
    write(dir, "rel-series/series.md", seriesText("rel-series"));
    write(dir, "rel-series/01-rel-a.md", courseText({ slug: "rel-a", series: "rel-series" }));
    await syncContent(dir, quiet);
    expect(await db.course.findUnique({ where: { slug: "rel-a" }, select: { sourcePath: true } })).toEqual({
      sourcePath: "courses/rel-series/01-rel-a.md",
    });
    expect(await db.series.findUnique({ where: { slug: "rel-series" }, select: { sourcePath: true } })).toEqual({
      sourcePath: "courses/rel-series/series.md",
    });
  });
});
