import { beforeAll, describe, expect, it } from "vitest";
import { markAttended } from "~/catalogue/progress.server";
import type { CourseFrontMatter } from "~/content/course-schema";
import { loadHome } from "~/home/home.server";
import { db } from "~/lib/db.server";
import { action as lessonAction, loader as lessonLoader } from "~/routes/courses.$slug";
import { loader as handoutLoader } from "~/routes/courses.$slug_.print";
import { loader as progressLoader } from "~/routes/courses.progress";
import { syncAndEnter } from "../../fixtures/library";
import { at } from "../../fixtures/lists";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

const SLUG = "complaint-four-steps";
type Result = { data: Record<string, unknown>; init: ResponseInit | null };

beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
});

async function quizOf() {
  const c = await db.course.findUniqueOrThrow({
    where: { slug: SLUG },
    select: { id: true, currentVersion: { select: { id: true, frontMatter: true, sections: true } } },
  });
  const fm = JSON.parse(c.currentVersion!.frontMatter) as CourseFrontMatter;
  return {
    courseId: c.id,
    versionId: c.currentVersion!.id,
    quiz: fm.quiz,
    sections: (JSON.parse(c.currentVersion!.sections) as { id: string }[]).map((s) => s.id),
  };
}

async function post(userId: number, form: Record<string, string | string[]>) {
  const request = await makeRequest(`/courses/${SLUG}`, { userId, form });
  return settle(() => lessonAction({ request, params: { slug: SLUG }, context: {} }));
}

function rightAnswers(quiz: CourseFrontMatter["quiz"], wrong = 0) {
  const form: Record<string, string[]> = {};
  quiz.questions.forEach((q, i) => {
    const keys = Object.keys(q.choices);
    form[`q:${q.id}`] = i < wrong ? [keys.find((k) => !q.answer.includes(k))!] : q.answer;
  });
  return form;
}

async function progressRow(userId: number, versionId: number) {
  return db.courseProgress.findUnique({
    where: { userId_courseVersionId: { userId, courseVersionId: versionId } },
    include: { attempts: true },
  });
}

/**
 * The test's clock for reading time: moves the trainee's last reach (and the lesson's opening)
 * back as if a minute of reading had passed, so the next section may count.
 */
async function readAMinute(userId: number, versionId: number) {
  if (!(await progressRow(userId, versionId))) await post(userId, { intent: "heartbeat" });
  const earlier = new Date(Date.now() - 61_000);
  await db.courseProgress.update({
    where: { userId_courseVersionId: { userId, courseVersionId: versionId } },
    data: { startedAt: earlier, lastReachAt: earlier },
  });
}

describe("lesson player", () => {
  it("serves the lesson without quiz answers", async () => {
    const u = await createTestUser();
    const page = await lessonLoader({
      request: await makeRequest(`/courses/${SLUG}`, { userId: u.id }),
      params: { slug: SLUG },
      context: {},
    });
    expect(page.lesson.sections.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(page.lesson.quiz)).not.toContain("explanation");
    expect(page.lesson.quiz.questions[0]).not.toHaveProperty("answer");
    expect(page.progress).toBeNull();
  });

  it("offers to request a class to leads and trainees, not to trainers", async () => {
    const open = async (roles: ("TRAINEE" | "LEAD" | "TRAINER")[]) => {
      const u = await createTestUser({ roles });
      return lessonLoader({
        request: await makeRequest(`/courses/${SLUG}`, { userId: u.id }),
        params: { slug: SLUG },
        context: {},
      });
    };
    expect((await open(["LEAD"])).canRequest).toBe(true);
    expect((await open(["TRAINEE"])).canRequest).toBe(true);
    expect((await open(["TRAINER"])).canRequest).toBe(false);
  });

  it("grades the quiz on the server, rejects duplicates and unknown questions without changing the score", async () => {
    const u = await createTestUser();
    const { quiz, versionId } = await quizOf();
    const failed = await post(u.id, {
      intent: "quiz",
      token: "token-fail-1",
      versionId: String(versionId),
      ...rightAnswers(quiz, 3),
    });
    const f = failed.value as { quiz: { passed: boolean; score: number; results: { explanation: string }[] } };
    expect(f.quiz.passed).toBe(false);
    // The first failed attempt does not give the answer key away (lesson-quiz.test.ts has the rest).
    expect(f.quiz.results[0]).not.toHaveProperty("explanation");

    const passed = await post(u.id, {
      intent: "quiz",
      token: "token-pass-1",
      versionId: String(versionId),
      ...rightAnswers(quiz),
    });
    expect((passed.value as { quiz: { score: number; passed: boolean } }).quiz).toMatchObject({
      score: 100,
      passed: true,
    });

    // The same form again, a wrong answer this time: 409, nothing recorded.
    const again = (
      await post(u.id, {
        intent: "quiz",
        token: "token-fail-1",
        versionId: String(versionId),
        ...rightAnswers(quiz, 5),
      })
    ).value as Result;
    expect(again.init?.status).toBe(409);
    const unknown = (
      await post(u.id, {
        intent: "quiz",
        token: "token-x-2",
        versionId: String(versionId),
        ...rightAnswers(quiz),
        "q:no-such-question": ["a"],
      })
    ).value as Result;
    expect(unknown.init?.status).toBe(400);
    expect(unknown.data.error).toBe("catalogue:err.quiz.unknownQuestion");
    const stale = (await post(u.id, { intent: "quiz", token: "token-x-3", versionId: "999999", ...rightAnswers(quiz) }))
      .value as Result;
    expect(stale.init?.status).toBe(409);

    const row = await progressRow(u.id, versionId);
    expect(row?.attempts.map((a) => a.score).sort()).toEqual([f.quiz.score, 100].sort());
    expect(row).toMatchObject({ quizPassed: true, quizBestScore: 100, completedAt: null });
  });

  it("completes the lesson when every section is reached and the quiz is passed", async () => {
    const u = await createTestUser();
    const { quiz, versionId, sections } = await quizOf();
    // Without JavaScript: the button under a section goes on to the next one.
    await readAMinute(u.id, versionId);
    const read = await post(u.id, { intent: "read", section: at(sections, 0) });
    expect((read.value as Response).headers.get("Location")).toBe(`/courses/${SLUG}#${sections[1]}`);
    const bogus = (await post(u.id, { intent: "seen", section: ["s99"] })).value as Result;
    expect(bogus.init?.status).toBe(400);
    await post(u.id, { intent: "quiz", token: "complete-1", versionId: String(versionId), ...rightAnswers(quiz) });
    expect((await progressRow(u.id, versionId))?.completedAt).toBeNull();
    let seen = null;
    for (const section of sections.slice(1)) {
      await readAMinute(u.id, versionId);
      seen = await post(u.id, { intent: "seen", section: [section] });
    }
    expect(seen?.value).toMatchObject({ completedAt: expect.any(String) });
    const row = await progressRow(u.id, versionId);
    expect(row).toMatchObject({ percent: 100, lastSection: sections.at(-1) });

    const home = await loadHome({ id: u.id, roles: ["TRAINEE"] } as never);
    expect(home.learning?.completed.map((c) => c.slug)).toEqual([SLUG]);
    expect(home.learning?.continue).toEqual([]);
  });

  it("counts time from heartbeats, ignoring long gaps", async () => {
    const u = await createTestUser();
    const { versionId } = await quizOf();
    await post(u.id, { intent: "heartbeat" });
    const row = await progressRow(u.id, versionId);
    expect(row?.secondsSpent).toBe(0);
    await db.courseProgress.update({
      where: { id: row!.id },
      data: { lastHeartbeatAt: new Date(Date.now() - 25_000) },
    });
    await post(u.id, { intent: "heartbeat" });
    expect((await progressRow(u.id, versionId))?.secondsSpent).toBeGreaterThanOrEqual(25);
    expect((await progressRow(u.id, versionId))?.secondsSpent).toBeLessThan(30);
    // A tab left idle for ten minutes adds nothing.
    await db.courseProgress.update({
      where: { id: row!.id },
      data: { lastHeartbeatAt: new Date(Date.now() - 600_000) },
    });
    await post(u.id, { intent: "heartbeat" });
    expect((await progressRow(u.id, versionId))?.secondsSpent).toBeLessThan(30);
  });

  it("records attendance of a delivered class once", async () => {
    const u = await createTestUser();
    const { courseId, versionId } = await quizOf();
    await db.$transaction((tx) => markAttended(tx, u.id, courseId));
    const first = (await progressRow(u.id, versionId))?.attendedAt;
    expect(first).toBeInstanceOf(Date);
    await db.$transaction((tx) => markAttended(tx, u.id, courseId));
    expect((await progressRow(u.id, versionId))?.attendedAt).toEqual(first);
  });

  it("gives trainers the handout with answers and any trainee's progress", async () => {
    const trainer = await createTestUser({ roles: ["TRAINER"] });
    const handout = await handoutLoader({
      request: await makeRequest(`/courses/${SLUG}/print`, { userId: trainer.id }),
      params: { slug: SLUG },
      context: {},
    });
    expect(handout.lesson.quiz.questions[0]?.answer?.length).toBeGreaterThan(0);
    const trainee = await createTestUser({ name: "进度学员" });
    await readAMinute(trainee.id, (await quizOf()).versionId);
    await post(trainee.id, { intent: "read", section: "s1" });
    const hr = await createTestUser({ roles: ["HR"] });
    const view = await progressLoader({
      request: await makeRequest(`/courses/progress?user=${trainee.id}`, { userId: hr.id }),
      params: {},
      context: {},
    });
    expect(view.record?.rows).toEqual([
      expect.objectContaining({ reached: 1, course: expect.objectContaining({ slug: SLUG }) }),
    ]);
    const otherTrainee = await createTestUser();
    const denied = await settle(async () =>
      progressLoader({
        request: await makeRequest(`/courses/progress?user=${trainee.id}`, { userId: otherTrainee.id }),
        params: {},
        context: {},
      }),
    );
    expect((denied.value as Response).status).toBe(403);
  });
});
