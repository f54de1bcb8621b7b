// The lesson's checkpoint quiz and reading progress, as the server enforces them: the answer key
// stays hidden until a pass or the last allowed attempt, attempts beyond that wait out a
// cool-down (429 with Retry-After), and a section counts only after its reading time, so a burst
// of reports credits at most one. Decision record 019.
import { beforeAll, describe, expect, it } from "vitest";
import { QUIZ_COOLDOWN_S, QUIZ_MAX_ATTEMPTS } from "~/catalogue/progress-rules";
import type { CourseFrontMatter } from "~/content/course-schema";
import { db } from "~/lib/db.server";
import { action as lessonAction } from "~/routes/courses.$slug";
import { syncAndEnter } from "../../fixtures/library";
import { createTestUser, makeRequest, settle } from "../../fixtures/users";

const SLUG = "complaint-four-steps";
type Result = { data: Record<string, unknown>; init: ResponseInit | null };

beforeAll(async () => {
  await syncAndEnter(process.env.CONTENT_DIR!);
});

async function lesson() {
  const c = await db.course.findUniqueOrThrow({
    where: { slug: SLUG },
    select: { currentVersion: { select: { id: true, frontMatter: true, sections: true } } },
  });
  const fm = JSON.parse(c.currentVersion!.frontMatter) as CourseFrontMatter;
  return {
    versionId: c.currentVersion!.id,
    quiz: fm.quiz,
    sections: (JSON.parse(c.currentVersion!.sections) as { id: string }[]).map((s) => s.id),
  };
}

async function post(userId: number, form: Record<string, string | string[]>) {
  const request = await makeRequest(`/courses/${SLUG}`, { userId, form });
  const { value } = await settle(() => lessonAction({ request, params: { slug: SLUG }, context: {} }));
  // A refusal comes wrapped with its status; a success is the plain data.
  const wrapped = value !== null && typeof value === "object" && "init" in value && "data" in value;
  return wrapped ? (value as Result) : { data: value as Record<string, unknown>, init: null };
}

function wrongAnswers(quiz: CourseFrontMatter["quiz"]) {
  const form: Record<string, string[]> = {};
  for (const q of quiz.questions) form[`q:${q.id}`] = [Object.keys(q.choices).find((k) => !q.answer.includes(k))!];
  return form;
}
function rightAnswers(quiz: CourseFrontMatter["quiz"]) {
  return Object.fromEntries(quiz.questions.map((q) => [`q:${q.id}`, q.answer]));
}

/** Everything an answer key could leak through: the right choices and the explanations. */
function leaksAnswerKey(data: unknown, quiz: CourseFrontMatter["quiz"]): boolean {
  const text = JSON.stringify(data);
  return text.includes('"answer"') || quiz.questions.some((q) => text.includes(JSON.stringify(q.explanation)));
}

describe("lesson quiz attempts", () => {
  it("keeps the answer key back until the last allowed attempt, then refuses more during the cool-down", async () => {
    const u = await createTestUser();
    const { versionId, quiz } = await lesson();
    const attempt = (n: number) =>
      post(u.id, { intent: "quiz", token: `attempt-${n}-xx`, versionId: String(versionId), ...wrongAnswers(quiz) });

    for (let n = 1; n < QUIZ_MAX_ATTEMPTS; n++) {
      const r = await attempt(n);
      expect(r.data).toMatchObject({ quiz: { passed: false }, remaining: QUIZ_MAX_ATTEMPTS - n });
      expect(leaksAnswerKey(r.data, quiz), `attempt ${n} must not carry the answer key`).toBe(false);
    }
    const last = await attempt(QUIZ_MAX_ATTEMPTS);
    expect(leaksAnswerKey(last.data, quiz)).toBe(true);
    expect(last.data).toMatchObject({ remaining: 0, retryAt: expect.any(String) });

    const refused = await attempt(QUIZ_MAX_ATTEMPTS + 1);
    expect(refused.init?.status).toBe(429);
    const retryAfter = Number(new Headers(refused.init?.headers).get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(QUIZ_COOLDOWN_S - 60);
    expect(retryAfter).toBeLessThanOrEqual(QUIZ_COOLDOWN_S);
    expect(refused.data).toMatchObject({ error: "catalogue:err.quiz.cooldown" });
    expect(leaksAnswerKey(refused.data, quiz)).toBe(false);
    const row = await db.courseProgress.findFirstOrThrow({ where: { userId: u.id }, include: { attempts: true } });
    expect(row.attempts).toHaveLength(QUIZ_MAX_ATTEMPTS);

    // Once the cool-down is over (the stored attempts moved back past it), a new round opens.
    await db.quizAttempt.updateMany({
      where: { progressId: row.id },
      data: { createdAt: new Date(Date.now() - (QUIZ_COOLDOWN_S + 5) * 1000) },
    });
    const again = await attempt(QUIZ_MAX_ATTEMPTS + 2);
    expect(again.data).toMatchObject({ quiz: { passed: false }, remaining: QUIZ_MAX_ATTEMPTS - 1 });
    expect(leaksAnswerKey(again.data, quiz)).toBe(false);
  });

  it("shows the answer key with a pass", async () => {
    const u = await createTestUser();
    const { versionId, quiz } = await lesson();
    const passed = await post(u.id, {
      intent: "quiz",
      token: "pass-once-1",
      versionId: String(versionId),
      ...rightAnswers(quiz),
    });
    expect(passed.data).toMatchObject({ quiz: { passed: true } });
    expect(leaksAnswerKey(passed.data, quiz)).toBe(true);
  });
});

describe("lesson reading time", () => {
  it("credits at most one section from a burst of reports in one second", async () => {
    const u = await createTestUser();
    const { versionId, sections } = await lesson();
    await post(u.id, { intent: "heartbeat" }); // opens the lesson
    // As if the lesson had been open a while: the first section may count, the rest may not.
    await db.courseProgress.updateMany({
      where: { userId: u.id, courseVersionId: versionId },
      data: { startedAt: new Date(Date.now() - 120_000) },
    });
    const all = await post(u.id, { intent: "seen", section: sections });
    for (const id of sections) await post(u.id, { intent: "seen", section: [id] });
    const read = await post(u.id, { intent: "read", section: sections.at(-1)! });
    expect(read.init?.status).toBe(429);
    expect(Number(new Headers(read.init?.headers).get("Retry-After"))).toBeGreaterThan(0);

    const row = await db.courseProgress.findFirstOrThrow({ where: { userId: u.id, courseVersionId: versionId } });
    expect(JSON.parse(row.sectionsReached)).toHaveLength(1);
    expect(all.data).toMatchObject({ reached: [sections[0]], nextAt: expect.any(String) });
  });

  it("credits nothing when the lesson was opened a moment ago", async () => {
    const u = await createTestUser();
    const { versionId, sections } = await lesson();
    await post(u.id, { intent: "seen", section: sections });
    const row = await db.courseProgress.findFirstOrThrow({ where: { userId: u.id, courseVersionId: versionId } });
    expect(JSON.parse(row.sectionsReached)).toEqual([]);
  });
});
