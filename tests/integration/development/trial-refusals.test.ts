// The refusals of the trial lecture and of publication as the forms meet them (issue 14, "bad
// input"): each answer carries its status and a message the page prints, and nothing is stored —
// no score, no acceptance, no library entry, no qualification, the project's stage unchanged.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { createProject, linkCourse } from "~/development/projects.server";
import { scheduleTrial } from "~/development/trial.server";
import { localInput } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n/instance";
import { action as trialAction, loader as trialLoader } from "~/routes/development.$id_.trial";
import { action as libraryAction } from "~/routes/library";
import { person, writeDraftCourse, type Person } from "../../fixtures/course-drafts";
import { makeRequest, settle } from "../../fixtures/users";

const quiet = { log: () => {}, warn: () => {} };
const tag = Math.random().toString(36).slice(2, 7);
const slug = `refusal-course-${tag}`;
const series = `refusal-series-${tag}`;
let dir: string;
let projectId = 0;
let courseId = 0;
let sessionId = 0;

const p = {} as Record<"hr" | "hr2" | "chair" | "expert" | "author" | "reviewer" | "otherChair" | "a1", Person>;

function writeCourse(body: string) {
  writeDraftCourse(dir, series, slug, body);
}

type Answer = { status: number; error: string; errors: Record<string, string>; params: Record<string, unknown> };

/** What the page gets back from a POST: the status, and the message keys the form prints. */
async function answer(value: unknown): Promise<Answer> {
  if (value instanceof Response) return { status: value.status, error: "", errors: {}, params: {} };
  const r = value as { init?: { status?: number } | null; data?: Partial<Answer> };
  return {
    status: r.init?.status ?? 200,
    error: r.data?.error ?? "",
    errors: r.data?.errors ?? {},
    params: r.data?.params ?? {},
  };
}

async function postTrial(who: Person, form: Record<string, string>) {
  const request = await makeRequest(`/development/${projectId}/trial`, { userId: who.id, form });
  const r = await settle(() => trialAction({ request, params: { id: String(projectId) }, context: {} }));
  return answer(r.value);
}

async function postLibrary(who: Person, form: Record<string, string>) {
  const request = await makeRequest("/library", { userId: who.id, form });
  return answer((await settle(() => libraryAction({ request, params: {}, context: {} }))).value);
}

/** The English text the form shows for a message key: a real sentence, not the key. */
function shown(key: string, params: Record<string, unknown> = {}) {
  const [ns, k] = key.split(":") as [string, string];
  const text = (serverT("en", ns as "trial") as unknown as (k: string, o: object) => string)(k, params);
  expect(text).not.toBe(k);
  expect(text.length).toBeGreaterThan(10);
  return text;
}

const scores = (mark: string, over: Record<string, string> = {}) => ({
  intent: "score",
  sessionId: String(sessionId),
  accuracy: mark,
  structure: mark,
  timing: mark,
  exercises: mark,
  delivery: mark,
  phrasing: mark,
  comment: "",
  ...over,
});

async function state() {
  const [project, scoreRows, acceptances, entries, quals, course] = await Promise.all([
    db.courseProject.findUniqueOrThrow({ where: { id: projectId }, select: { stage: true } }),
    db.trialScore.findMany({ where: { sessionId }, select: { judgeId: true, accuracy: true }, orderBy: { id: "asc" } }),
    db.courseAcceptance.count({ where: { courseId } }),
    db.libraryEntry.count({ where: { courseId } }),
    db.trainerQualification.count({ where: { courseId } }),
    db.course.findUniqueOrThrow({ where: { id: courseId }, select: { liveVersionId: true } }),
  ]);
  return { stage: project.stage, scores: scoreRows, acceptances, entries, quals, live: course.liveVersionId };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-trial-refusals-"));
  writeCourse("## 开场\n您好\n\n## 处理\n第一稿\n");
  await syncContent(dir, quiet);
  for (const k of ["hr", "hr2"] as const) p[k] = await person(["HR"]);
  for (const k of ["chair", "expert", "author", "reviewer", "otherChair"] as const) p[k] = await person(["TRAINER"]);
  p.a1 = await person(["TRAINEE"]);
  const project = (title: string, members: { userId: number; role: string }[]) =>
    createProject(p.hr, {
      title,
      need: "",
      needRef: undefined,
      sourceTitle: "",
      sourceSupplier: "",
      sourceNotes: "",
      format: "m60",
      members: members as Parameters<typeof createProject>[1]["members"],
      milestones: [],
    });
  projectId = await project(`试讲拒绝 ${tag}`, [
    { userId: p.chair.id, role: "chair" },
    { userId: p.expert.id, role: "expert" },
    { userId: p.author.id, role: "author" },
    { userId: p.reviewer.id, role: "reviewer" },
  ]);
  // Another project's chair sits on a panel, but not on this one.
  await project(`别的项目 ${tag}`, [{ userId: p.otherChair.id, role: "chair" }]);
  await linkCourse(p.hr, projectId, slug);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
  const day = localInput(new Date(Date.now() + 3 * 86_400_000)).slice(0, 10);
  sessionId = (
    await scheduleTrial(p.hr, projectId, {
      courseId,
      trainerId: p.author.id,
      room: `Room ${tag}`,
      startsAt: `${day}T10:00`,
      audience: [p.a1.id],
    })
  ).id;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("who sees the trial page", () => {
  it("the panel and the team see it with only their own forms; another project's chair and a trainee get 403", async () => {
    const open = async (who: Person) => {
      const request = await makeRequest(`/development/${projectId}/trial`, { userId: who.id });
      return settle(() => trialLoader({ request, params: { id: String(projectId) }, context: {} }));
    };
    const may = async (who: Person) => {
      const r = await open(who);
      expect(r.thrown).toBe(false);
      const data = r.value as Awaited<ReturnType<typeof trialLoader>>;
      return { may: data.trials.map((t) => t.may), schedules: data.options !== null };
    };
    // No judge has scored yet, so even the chair has nothing to decide on.
    expect(await may(p.chair)).toEqual({ may: [{ score: true, decide: false }], schedules: false });
    expect(await may(p.expert)).toEqual({ may: [{ score: true, decide: false }], schedules: false });
    expect(await may(p.reviewer)).toEqual({ may: [{ score: false, decide: false }], schedules: false });
    expect(await may(p.hr)).toEqual({ may: [{ score: false, decide: false }], schedules: true });
    for (const who of [p.otherChair, p.a1]) {
      const r = await open(who);
      expect(r.thrown && (r.value as Response).status).toBe(403);
    }
  });
});

describe("the trial lecture's forms refuse bad input", () => {
  it("a score outside 1–5: 400 with the message beside the field; nothing stored", async () => {
    const before = await state();
    for (const bad of ["6", "0", "2.5", ""]) {
      const r = await postTrial(p.expert, scores("4", { timing: bad }));
      expect(r.status).toBe(400);
      expect(r.errors.timing).toBe("trial:err.score");
    }
    shown("trial:err.score");
    expect(await state()).toEqual(before);
    expect(before.scores).toEqual([]);
  });

  it("a judge scoring twice: 409 with the message; the first score stays as it was", async () => {
    expect((await postTrial(p.expert, scores("4"))).status).toBe(302);
    const before = await state();
    const again = await postTrial(p.expert, scores("1"));
    expect(again).toMatchObject({ status: 409, error: "trial:err.scoredTwice" });
    shown(again.error);
    expect(await state()).toEqual(before);
    expect(before.scores).toEqual([{ judgeId: p.expert.id, accuracy: 4 }]);
  });

  it("a score or decision by someone not on this project's panel: 403 with the message; nothing stored", async () => {
    const version = (await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersionId: true } }))
      .currentVersionId!;
    const decision = { intent: "decide", sessionId: String(sessionId), versionId: String(version), decision: "accept" };
    const before = await state();
    for (const who of [p.reviewer, p.author, p.otherChair]) {
      const scored = await postTrial(who, scores("5"));
      expect(scored).toMatchObject({ status: 403, error: "trial:err.notJudge" });
    }
    for (const who of [p.reviewer, p.expert, p.otherChair, p.hr]) {
      const decided = await postTrial(who, decision);
      expect(decided).toMatchObject({ status: 403, error: "trial:err.notChair" });
      shown(decided.error);
    }
    expect(await state()).toEqual(before);
    expect(before.stage).toBe("trial");
  });

  it("a decision on a version that is not the latest: 409 naming both versions; nothing stored", async () => {
    const judged = (await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersionId: true } }))
      .currentVersionId!;
    writeCourse("## 开场\n您好\n\n## 处理\n第二稿\n");
    await syncContent(dir, quiet);
    const before = await state();
    const r = await postTrial(p.chair, {
      intent: "decide",
      sessionId: String(sessionId),
      versionId: String(judged),
      decision: "accept",
    });
    expect(r).toMatchObject({ status: 409, error: "trial:err.notNewest", params: { version: 1, newest: 2 } });
    expect(shown(r.error, r.params)).toContain("Version 1 is no longer the newest (the newest is 2)");
    expect(await state()).toEqual(before);
    expect(before).toMatchObject({ stage: "trial", acceptances: 0, quals: 0 });
  });
});

describe("publication through the library page", () => {
  it("entering without an acceptance: 400 with the message; no entry, nothing live", async () => {
    const newest = (await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersionId: true } }))
      .currentVersionId!;
    const before = await state();
    const r = await postLibrary(p.hr, { intent: "enter", versionId: String(newest), expected: "0" });
    expect(r).toMatchObject({ status: 400, error: "library:error.notAccepted" });
    shown(r.error);
    expect(await state()).toEqual(before);
    expect(before).toMatchObject({ entries: 0, live: null });
  });

  it("two HR users entering at once: exactly one wins, the other gets 409 and its message", async () => {
    const newest = (await db.course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersionId: true } }))
      .currentVersionId!;
    expect((await postLibrary(p.hr, { intent: "record", versionId: String(newest), decision: "accept" })).status).toBe(
      302,
    );
    const form = { intent: "enter", versionId: String(newest), expected: "0" };
    const both = await Promise.all([postLibrary(p.hr, form), postLibrary(p.hr2, form)]);
    expect(both.map((r) => r.status).sort()).toEqual([302, 409]);
    const lost = both.find((r) => r.status === 409)!;
    expect(lost.error).toBe("library:error.stale");
    shown(lost.error);
    const entries = await db.libraryEntry.findMany({ where: { courseId }, select: { courseVersionId: true } });
    expect(entries).toEqual([{ courseVersionId: newest }]);
    expect((await state()).live).toBe(newest);
  });
});
