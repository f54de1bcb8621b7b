// The page work done once (decision 049): lesson HTML kept per version, catalogue cards kept per
// course until a sync changes them, and each visitor's own parts read fresh.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearLessonHtmlCache, lessonHtmlCacheSize, toHtml } from "~/catalogue/lesson-html.server";
import { splitSections } from "~/content/body";
import { db } from "~/lib/db.server";
import { loader as lessonLoader } from "~/routes/courses.$slug";
import { loader as catalogueLoader } from "~/routes/courses._index";
import { syncAndEnter } from "../../fixtures/library";
import { createTestUser, makeRequest } from "../../fixtures/users";
import { courseText, seriesText } from "../../unit/catalogue/content-fixtures";

const SERIES = "render-once";
const SLUG = "render-once-a";
let dir: string;

function writeCourse(title: string, body: string) {
  const file = path.join(dir, "courses", SERIES, `01-${SLUG}.md`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, courseText({ slug: SLUG, series: SERIES, title: `{ zh: ${title}, en: ${title} }` }, body));
}

const BODY_1 =
  "开场白。\n\n## 第一节\n**倾听**客户，[规范](https://example.com/a)。\n\n| 列 | 值 |\n|---|---|\n| 甲 | 一 |\n\n## 第二节\n> **客户：** 你好\n> **坐席：** 您好\n";
const BODY_2 = "新的开场白。\n\n## 第一节\n改过的第一节。\n\n## 第二节\n改过的第二节。\n";

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-render-once-"));
  mkdirSync(path.join(dir, "courses", SERIES), { recursive: true });
  writeFileSync(path.join(dir, "courses", SERIES, "series.md"), seriesText(SERIES));
  writeCourse("旧标题", BODY_1);
  await syncAndEnter(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function lesson(userId: number) {
  const request = await makeRequest(`/courses/${SLUG}`, { userId });
  return lessonLoader({ request, params: { slug: SLUG }, context: {} });
}
async function card(userId: number) {
  const request = await makeRequest(`/courses?series=${SERIES}`, { userId });
  const r = await catalogueLoader({ request, params: {}, context: {} });
  return r.courses.find((c) => c.slug === SLUG)!;
}
/** What the page would show from the version's Markdown, rendered now without any cache. */
async function freshRender(which: "liveVersion" | "currentVersion" = "liveVersion") {
  const c = await db.course.findUniqueOrThrow({
    where: { slug: SLUG },
    select: { [which]: { select: { body: true } } },
  });
  const { intro, sections } = splitSections((c as unknown as Record<string, { body: string }>)[which]!.body);
  return { introHtml: toHtml(intro), sections: sections.map((s) => toHtml(s.markdown)) };
}

describe("render once and keep", () => {
  it("serves the kept lesson HTML equal to a fresh render, and keeps it", async () => {
    clearLessonHtmlCache();
    const u = await createTestUser();
    const first = (await lesson(u.id)).lesson;
    expect(lessonHtmlCacheSize().versions).toBe(1);
    const second = (await lesson(u.id)).lesson;
    const fresh = await freshRender();
    for (const l of [first, second]) {
      expect(l.introHtml).toBe(fresh.introHtml);
      expect(l.sections.map((s) => s.html)).toEqual(fresh.sections);
    }
    expect(second.sections[0]!.html).toContain("<table>");
    expect(second.sections[0]!.html).toContain('rel="noopener noreferrer"');
    expect(lessonHtmlCacheSize().versions).toBe(1);
  });

  it("shows a changed file's card and lesson after the sync, not the kept ones", async () => {
    const u = await createTestUser();
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    expect((await card(u.id)).titleZh).toBe("旧标题");
    expect((await lesson(trainer.id)).lesson.introHtml).toContain("<p>开场白。</p>");
    writeCourse("新标题", BODY_2);
    await syncAndEnter(dir);
    expect((await card(u.id)).titleZh).toBe("新标题");
    // Staff read the newest version at once; trainees keep the library's until HR enters it.
    const after = (await lesson(trainer.id)).lesson;
    expect(after.introHtml).toContain("新的开场白");
    expect(after.sections.map((s) => s.html)).toEqual((await freshRender("currentVersion")).sections);
    expect((await lesson(u.id)).lesson.introHtml).toBe((await freshRender()).introHtml);
  });

  it("never shows one visitor's progress to another", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const c = await db.course.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true, liveVersionId: true } });
    // Both look first, so the card is cached before a's progress exists.
    expect((await card(a.id)).my).toEqual({ state: "new" });
    expect((await card(b.id)).my).toEqual({ state: "new" });
    await db.courseProgress.create({
      data: { userId: a.id, courseId: c.id, courseVersionId: c.liveVersionId!, sectionsTotal: 2, percent: 50 },
    });
    expect((await card(a.id)).my).toEqual({ state: "progress", percent: 50 });
    expect((await card(b.id)).my).toEqual({ state: "new" });
    expect((await lesson(a.id)).progress).not.toBeNull();
    expect((await lesson(b.id)).progress).toBeNull();
  });
});
