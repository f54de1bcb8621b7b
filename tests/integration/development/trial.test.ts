// The trial lecture and the panel's decision (decision 041) on the real test database: every
// refusal stores nothing, and the happy path ends with an acceptance record, a qualified trainer
// and, once HR enters the version, the project in the library.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncContent } from "~/content/sync.server";
import { createProject, linkCourse } from "~/development/projects.server";
import { decisionSchema, type ScoreInput } from "~/development/trial";
import { decideTrial, projectTrials, scheduleTrial, scoreTrial } from "~/development/trial.server";
import { localInput } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { isDomainError } from "~/lib/errors";
import { enterIntoLibrary } from "~/library/acceptance.server";
import { trainerProfile } from "~/trainers/profile.server";
import { person, writeDraftCourse, type Person } from "../../fixtures/course-drafts";

const quiet = { log: () => {}, warn: () => {} };
const tag = Math.random().toString(36).slice(2, 7);
const slug = `trial-course-${tag}`;
const series = `trial-series-${tag}`;
let dir: string;
let projectId = 0;
let courseId = 0;
const DAY = 86_400_000;

const p = {} as Record<"hr" | "chair" | "expert" | "author" | "outsider" | "a1" | "a2" | "a3", Person>;

function writeCourse(body: string) {
  writeDraftCourse(dir, series, slug, body);
}

async function refusal(promise: Promise<unknown>) {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  if (!isDomainError(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { status: e.status, key: e.messageKey, params: e.params };
}

const good: ScoreInput = {
  accuracy: 5,
  structure: 4,
  timing: 4,
  exercises: 3,
  delivery: 5,
  phrasing: 5,
  comment: "好",
};
const at = (daysAhead: number, hour = 10) => {
  const d = new Date(Date.now() + daysAhead * DAY);
  return `${localInput(d).slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
};
const schedule = (over: Partial<Parameters<typeof scheduleTrial>[2]> = {}) =>
  scheduleTrial(p.hr, projectId, {
    courseId,
    trainerId: p.author.id,
    room: `Room ${tag}`,
    startsAt: at(3),
    audience: [p.a1.id, p.a2.id],
    ...over,
  });
const newestVersion = () =>
  db.course.findUniqueOrThrow({
    where: { id: courseId },
    select: { currentVersion: { select: { id: true, version: true } } },
  });
const stage = async () =>
  (await db.courseProject.findUniqueOrThrow({ where: { id: projectId }, select: { stage: true } })).stage;
const decide = (
  who: Person,
  sessionId: number,
  versionId: number,
  decision: "accept" | "revise" | "reject",
  reason = "",
) => decideTrial(who, projectId, sessionId, decisionSchema.parse({ versionId, decision, reason }));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "weike-trial-"));
  writeCourse("## 开场\n您好\n\n## 处理\n第一稿\n");
  await syncContent(dir, quiet);
  p.hr = await person(["HR"]);
  for (const k of ["chair", "expert", "author", "outsider"] as const) p[k] = await person(["TRAINER"]);
  for (const k of ["a1", "a2", "a3"] as const) p[k] = await person(["TRAINEE"]);
  projectId = await createProject(p.hr, {
    title: `试讲项目 ${tag}`,
    need: "",
    needRef: undefined,
    sourceTitle: "",
    sourceSupplier: "",
    sourceNotes: "",
    format: "m60",
    members: [
      { userId: p.chair.id, role: "chair" },
      { userId: p.expert.id, role: "expert" },
      { userId: p.author.id, role: "author" },
    ],
    milestones: [],
  });
  await linkCourse(p.hr, projectId, slug);
  courseId = (await db.course.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("scheduling the trial lecture", () => {
  it("refuses a trainer off the team, a start in the past, and a busy audience member by name", async () => {
    expect((await refusal(schedule({ trainerId: p.outsider.id }))).key).toBe("trial:err.trainer");
    expect((await refusal(schedule({ startsAt: at(-1) }))).key).toBe("trial:err.startsAt");
    expect(
      (
        await refusal(
          scheduleTrial(p.chair, projectId, {
            courseId,
            trainerId: p.author.id,
            room: "x",
            startsAt: at(3),
            audience: [p.a1.id],
          }),
        )
      ).status,
    ).toBe(403);
    // a2 already sits in another class at that time.
    const start = new Date(Date.now() + 3 * DAY);
    const other = await db.trainingSession.create({
      data: {
        courseId,
        trainerId: p.outsider.id,
        startsAt: new Date(start.getTime() - 3600_000 * 48),
        endsAt: new Date(start.getTime() + 3600_000 * 48),
        room: "elsewhere",
        attendees: { create: [{ userId: p.a2.id }] },
      },
      select: { id: true },
    });
    const busy = await refusal(schedule());
    expect(busy).toMatchObject({ status: 409, key: "trial:err.audienceBusy", params: { name: p.a2.name } });
    await db.trainingSession.delete({ where: { id: other.id } });
    expect(await db.trainingSession.count({ where: { trialProjectId: projectId } })).toBe(0);
    expect(await stage()).toBe("drafting");
  });

  it("stores a session of kind trial for the newest version and moves the project to trial", async () => {
    const s = await schedule();
    const row = await db.trainingSession.findUniqueOrThrow({
      where: { id: s.id },
      select: { kind: true, trialVersionId: true, trainerId: true, _count: { select: { attendees: true } } },
    });
    const v = await newestVersion();
    expect(row).toEqual({
      kind: "trial",
      trialVersionId: v.currentVersion!.id,
      trainerId: p.author.id,
      _count: { attendees: 2 },
    });
    expect(await stage()).toBe("trial");
    // The trainer is now busy at that time: a second booking names them.
    const again = await refusal(
      scheduleTrial(p.hr, projectId, {
        courseId,
        trainerId: p.author.id,
        room: "other",
        startsAt: at(3),
        audience: [p.a3.id],
      }),
    );
    expect(again).toMatchObject({ status: 409, key: "trial:err.trainerBusy", params: { name: p.author.name } });
  });
});

describe("the panel scores and the chair decides", () => {
  let first = 0;
  beforeAll(async () => {
    first = (await db.trainingSession.findFirstOrThrow({ where: { trialProjectId: projectId }, select: { id: true } }))
      .id;
  });

  it("refuses a score outside 1–5, a judge off the panel, and a second score; nothing stored", async () => {
    expect(await refusal(scoreTrial(p.chair, projectId, first, { ...good, timing: 6 }))).toMatchObject({
      status: 400,
      key: "trial:err.score",
    });
    expect((await refusal(scoreTrial(p.chair, projectId, first, { ...good, accuracy: 0 }))).key).toBe(
      "trial:err.score",
    );
    expect(await refusal(scoreTrial(p.author, projectId, first, good))).toMatchObject({
      status: 403,
      key: "trial:err.notJudge",
    });
    expect((await refusal(scoreTrial(p.outsider, projectId, first, good))).status).toBe(403);
    expect(await db.trialScore.count({ where: { sessionId: first } })).toBe(0);
    await scoreTrial(p.expert, projectId, first, good);
    expect(await refusal(scoreTrial(p.expert, projectId, first, { ...good, accuracy: 1 }))).toMatchObject({
      status: 409,
      key: "trial:err.scoredTwice",
    });
    const rows = await db.trialScore.findMany({ where: { sessionId: first }, select: { accuracy: true } });
    expect(rows).toEqual([{ accuracy: 5 }]);
  });

  it("refuses a decision by anyone but the chair, and a revision without the changes required", async () => {
    const v = (await newestVersion()).currentVersion!;
    expect(await refusal(decide(p.expert, first, v.id, "accept"))).toMatchObject({
      status: 403,
      key: "trial:err.notChair",
    });
    expect((await refusal(decide(p.hr, first, v.id, "accept"))).status).toBe(403);
    expect((await refusal(decide(p.author, first, v.id, "accept"))).status).toBe(403);
    expect(decisionSchema.safeParse({ versionId: v.id, decision: "revise", reason: " " }).success).toBe(false);
    expect(await db.courseAcceptance.count({ where: { projectId } })).toBe(0);
  });

  it("the chair asks for a revision: a record naming the version, the project back to revising", async () => {
    const v = (await newestVersion()).currentVersion!;
    await decide(p.chair, first, v.id, "revise", "练习太少");
    const rows = await db.courseAcceptance.findMany({
      where: { projectId },
      select: { decision: true, courseVersionId: true, reason: true, decidedById: true },
    });
    expect(rows).toEqual([{ decision: "revise", courseVersionId: v.id, reason: "练习太少", decidedById: p.chair.id }]);
    expect(await stage()).toBe("revising");
    expect(await db.trainerQualification.count({ where: { trainerId: p.author.id } })).toBe(0);
  });

  it("refuses a decision on a version that is no longer the newest", async () => {
    const old = (await newestVersion()).currentVersion!;
    writeCourse("## 开场\n您好\n\n## 处理\n第二稿\n\n## 练习\n对练\n");
    await syncContent(dir, quiet);
    expect((await newestVersion()).currentVersion!.version).toBe(old.version + 1);
    expect(await refusal(decide(p.chair, first, old.id, "accept"))).toMatchObject({
      status: 409,
      key: "trial:err.notNewest",
    });
    expect(await db.courseAcceptance.count({ where: { projectId } })).toBe(1);
  });

  it("accepts the next version: acceptance record, trainer qualified with the panel mean, then in the library", async () => {
    const s = await schedule({ startsAt: at(5), audience: [p.a3.id] });
    const v = (await newestVersion()).currentVersion!;
    await scoreTrial(p.expert, projectId, s.id, good); // mean 26/6
    await scoreTrial(p.chair, projectId, s.id, { ...good, accuracy: 3, comment: "" }); // mean 24/6
    // The page shows each judge and the mean per criterion.
    const trials = await projectTrials(p.chair, projectId);
    const shown = trials.find((t) => t.id === s.id)!;
    expect(shown.scores.map((r) => r.judge.id)).toEqual([p.expert.id, p.chair.id]);
    expect(shown.panel.perCriterion.accuracy).toBe(4);
    expect(shown.may).toEqual({ score: false, decide: true });
    // Deciding with the version of another trial is refused.
    expect((await refusal(decide(p.chair, s.id, v.id - 1, "accept"))).key).toBe("trial:err.otherVersion");

    await decide(p.chair, s.id, v.id, "accept");
    const acc = await db.courseAcceptance.findFirstOrThrow({
      where: { projectId, decision: "accept" },
      select: { courseVersionId: true },
    });
    expect(acc.courseVersionId).toBe(v.id);
    expect(await stage()).toBe("accepted");
    const q = await db.trainerQualification.findMany({
      where: { trainerId: p.author.id, courseId },
      select: { source: true, score: true, projectId: true },
    });
    expect(q).toEqual([{ source: "trial", score: Math.round((50 / 12) * 100) / 100, projectId }]);
    const audit = await db.auditLog.findMany({
      where: { objectKind: "project", objectId: projectId, action: { startsWith: "trial." } },
      select: { action: true },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "trial.decide",
        "trial.decide",
        "trial.schedule",
        "trial.schedule",
        "trial.score",
        "trial.score",
        "trial.score",
      ].sort(),
    );

    // The trainer's page lists both scored trial lectures, newest first, with the panel's mean.
    const listed = (await trainerProfile(p.hr, p.author.id, 1)).trials;
    expect(listed.map((tr) => tr.score)).toEqual([Math.round((50 / 12) * 100) / 100, Math.round((26 / 6) * 100) / 100]);

    await enterIntoLibrary(p.hr, v.id, 0);
    expect(await stage()).toBe("in-library");
  });
});
