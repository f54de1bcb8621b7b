// A cold sync of many files writes its rows with multi-row INSERTs and fills the search index in
// bulk (decision 056). The catalogue search must find every course afterwards, by a word of its
// body and of its title; a re-sync that removes or changes files must show in search too.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { db, dbEngine } from "~/lib/db.server";
import { loader as catalogueLoader } from "~/routes/courses._index";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";

const quiet = { log: () => {}, warn: () => {} };
// More than one write batch (200) and well past the bulk-indexing threshold (50).
const COUNT = 230;
const PER_SERIES = 10;
let dir: string;
let trainerId: number;

const code = (i: number) => String(i).padStart(3, "0");
const slugOf = (i: number) => `bulk-${code(i)}`;
const seriesOf = (i: number) => `bulk-series-${code(Math.floor(i / PER_SERIES))}`;
const fileOf = (i: number) =>
  path.join(dir, "courses", seriesOf(i), `${String((i % PER_SERIES) + 1).padStart(2, "0")}-${slugOf(i)}.md`);

function writeCourse(i: number, word = `检索码${code(i)}号`) {
  const text = courseText(
    {
      slug: slugOf(i),
      series: seriesOf(i),
      position: String((i % PER_SERIES) + 1),
      status: "draft",
      title: `{ zh: 批量课程标题${code(i)}甲, en: Bulk lesson ${code(i)} }`,
    },
    `## 第一节\n本课的关键词是 **${word}**，只在这一课里出现。\n\n## 第二节\n更多内容。\n`,
  );
  writeFileSync(fileOf(i), text);
}

async function search(q: string): Promise<string[]> {
  const request = await makeRequest(`/courses?q=${encodeURIComponent(q)}`, { userId: trainerId });
  const r = await catalogueLoader({ request, params: {}, context: {} });
  return r.courses.map((c) => c.slug);
}

async function indexHits(word: string): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ id: number | bigint }[]>(
    dbEngine() === "postgres"
      ? `SELECT id FROM "course_search" WHERE body ILIKE $1`
      : `SELECT rowid AS id FROM course_search WHERE course_search MATCH ?`,
    dbEngine() === "postgres" ? `%${word}%` : `"${word}"`,
  );
  return rows.map((r) => Number(r.id));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-bulk-"));
  for (let i = 0; i < COUNT; i++) {
    if (i % PER_SERIES === 0) {
      mkdirSync(path.dirname(fileOf(i)), { recursive: true });
      writeFileSync(path.join(path.dirname(fileOf(i)), "series.md"), seriesText(seriesOf(i)));
    }
    writeCourse(i);
  }
  trainerId = (await createTestUser({ roles: ["TRAINER"] })).id;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a cold sync of many files", () => {
  it("stores every course with its first version, one audit entry each, and search finds each one", async () => {
    const report = await syncContent(dir, quiet);
    expect(report.created).toBe(COUNT);
    const stored = await db.course.findMany({
      where: { slug: { startsWith: "bulk-" } },
      select: { slug: true, titleZh: true, status: true, currentVersion: { select: { version: true, body: true } } },
    });
    expect(stored).toHaveLength(COUNT);
    for (const c of stored) {
      expect(c.currentVersion?.version).toBe(1);
      expect(c.currentVersion?.body).toContain(`检索码${c.slug.slice(5)}号`);
      expect(c.titleZh).toBe(`批量课程标题${c.slug.slice(5)}甲`);
    }
    const published = await db.auditLog.count({
      where: { action: "content.publish", detail: { contains: '"slug":"bulk-' } },
    });
    expect(published).toBe(COUNT);
    // Every course is in the index under its own word; the catalogue finds a sample of them.
    const idOf = new Map(
      (await db.course.findMany({ where: { slug: { startsWith: "bulk-" } }, select: { id: true, slug: true } })).map(
        (c) => [c.slug, c.id],
      ),
    );
    for (let i = 0; i < COUNT; i++) expect(await indexHits(`检索码${code(i)}号`)).toEqual([idOf.get(slugOf(i))]);
    for (const i of [0, 99, 200, 229]) expect(await search(`检索码${code(i)}号`)).toEqual([slugOf(i)]);
    // Titles are indexed too.
    expect(await search(`批量课程标题${code(7)}甲`)).toEqual([slugOf(7)]);
  }, 120_000);

  it("a re-sync that removes files takes those courses out of search; a changed file is found by its new text", async () => {
    const removed = [3, 118, 229];
    for (const i of removed) rmSync(fileOf(i));
    writeCourse(42, "新的检索词四二");
    const report = await syncContent(dir, quiet);
    expect(report.retired).toBe(removed.length);
    expect(report.newVersions).toBe(1);
    for (const i of removed) expect(await search(`检索码${code(i)}号`)).toEqual([]);
    expect(await search("检索码042号")).toEqual([]);
    expect(await search("新的检索词四二")).toEqual([slugOf(42)]);
    for (const i of [0, 4, 117, 119, 228]) expect(await search(`检索码${code(i)}号`)).toEqual([slugOf(i)]);
  }, 120_000);
});
