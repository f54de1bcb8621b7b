// The trial lecture of a course project (issue 14, decision 041): HR schedules it like a class
// (a TrainingSession of kind "trial" linked to the project and the version it presents), the
// expert group scores it once each with the acceptance rubric, and the chair decides. The
// decision is an acceptance record (decision 035); on accept the trial's trainer is qualified.
import { writeAudit } from "~/admin/audit.server";
import { canDecideTrial, canScoreTrial, canViewProject, schedulesTrialLectures, type RoleHolder } from "~/auth/policy";
import { localDateTime, parseLocalInput } from "~/lib/clock";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";
import { recordAcceptance } from "~/library/acceptance.server";
import { qualifyFromTrial } from "~/trainers/qualifications.server";
import { setProjectStage } from "./projects.server";
import type { ProjectStage } from "./stages";
import {
  judgeMean,
  panelFigures,
  roundMean,
  scoreSchema,
  type DecisionInput,
  type ScheduleTrialInput,
  type ScoreInput,
} from "./trial";

type Actor = RoleHolder & { id: number };

export const TRIAL_KIND = "trial";

const STAGE_AFTER: Record<DecisionInput["decision"], ProjectStage> = {
  accept: "accepted",
  revise: "revising",
  reject: "rejected",
};

async function loadPeople(tx: Tx, projectId: number) {
  const project = await tx.courseProject.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      title: true,
      stage: true,
      members: { select: { userId: true, role: true } },
      courses: { select: { courseId: true } },
    },
  });
  invariant(project, notFound("development:err.notFound"));
  return project;
}

async function loadTrial(tx: Tx, projectId: number, sessionId: number) {
  const s = await tx.trainingSession.findFirst({
    where: { id: sessionId, kind: TRIAL_KIND, trialProjectId: projectId },
    select: { id: true, trainerId: true, courseId: true, trialVersionId: true, status: true },
  });
  invariant(s && s.courseId && s.trialVersionId, notFound("trial:err.notFound"));
  return { ...s, courseId: s.courseId, versionId: s.trialVersionId };
}

/** Who is busy during the slot: the trainer, the room or one of the audience, by name. */
async function refuseBusy(
  tx: Tx,
  slot: { startsAt: Date; endsAt: Date },
  trainer: { id: number; name: string },
  room: string,
  audience: number[],
) {
  const overlap = { startsAt: { lt: slot.endsAt }, endsAt: { gt: slot.startsAt }, status: { not: "cancelled" } };
  const busy = await tx.trainingSession.findFirst({
    where: { ...overlap, OR: [{ trainerId: trainer.id }, { attendees: { some: { userId: trainer.id } } }] },
    select: { id: true },
  });
  invariant(!busy, () => conflict("trial:err.trainerBusy", { field: "trainerId", params: { name: trainer.name } }));
  const inRoom = await tx.trainingSession.findFirst({ where: { ...overlap, room }, select: { id: true } });
  invariant(!inRoom, () => conflict("trial:err.roomBusy", { field: "room", params: { room } }));
  const person = await tx.sessionAttendee.findFirst({
    where: { userId: { in: audience }, session: overlap },
    select: { user: { select: { name: true } } },
  });
  invariant(!person, () =>
    conflict("trial:err.audienceBusy", { field: "audience", params: { name: person!.user.name } }),
  );
  const teaching = await tx.trainingSession.findFirst({
    where: { ...overlap, trainerId: { in: audience } },
    select: { trainer: { select: { name: true } } },
  });
  invariant(!teaching, () =>
    conflict("trial:err.audienceBusy", { field: "audience", params: { name: teaching!.trainer.name } }),
  );
}

/** HR schedules the trial lecture of the newest version of one of the project's courses. */
export async function scheduleTrial(actor: Actor, projectId: number, input: ScheduleTrialInput, now = new Date()) {
  invariant(schedulesTrialLectures(actor), forbidden());
  const startsAt = parseLocalInput(input.startsAt);
  invariant(startsAt && startsAt > now, () => invalid({ startsAt: "trial:err.startsAt" }));
  const audience = [...new Set(input.audience)];
  invariant(!audience.includes(input.trainerId), () => invalid({ audience: "trial:err.trainerAudience" }));
  return db.$transaction(async (tx) => {
    const project = await loadPeople(tx, projectId);
    invariant(
      project.courses.some((c) => c.courseId === input.courseId),
      invalid({ courseId: "trial:err.course" }),
    );
    const course = await tx.course.findUniqueOrThrow({
      where: { id: input.courseId },
      select: { titleZh: true, durationMinutes: true, currentVersion: { select: { id: true, version: true } } },
    });
    invariant(course.currentVersion, invalid({ courseId: "trial:err.noVersion" }));
    const trainer = await tx.user.findFirst({
      where: { id: input.trainerId, active: true, roles: { some: { role: "TRAINER" } } },
      select: { id: true, name: true },
    });
    invariant(
      trainer && project.members.some((m) => m.userId === trainer.id),
      invalid({ trainerId: "trial:err.trainer" }),
    );
    const people = await tx.user.count({ where: { id: { in: audience }, active: true } });
    invariant(people === audience.length, invalid({ audience: "trial:err.audience" }));
    const slot = { startsAt, endsAt: new Date(startsAt.getTime() + course.durationMinutes * 60_000) };
    await refuseBusy(tx, slot, trainer, input.room, audience);
    // The stage check comes with the move: a trial is scheduled from drafting or revising only.
    await setProjectStage(tx, projectId, "trial", actor.id);
    const session = await tx.trainingSession.create({
      data: {
        ...slot,
        kind: TRIAL_KIND,
        courseId: input.courseId,
        trainerId: trainer.id,
        room: input.room,
        trialProjectId: projectId,
        trialVersionId: course.currentVersion.id,
        attendees: { create: audience.map((userId) => ({ userId })) },
      },
      select: { id: true },
    });
    const detail = { title: project.title, version: course.currentVersion.version, when: localDateTime(startsAt) };
    await writeAudit(tx, actor.id, "trial.schedule", trainer.id, detail, { id: projectId });
    return session;
  });
}

/** A judge of the panel scores the trial once; a second score, a non-judge or a score outside 1–5 is refused. */
export async function scoreTrial(actor: Actor, projectId: number, sessionId: number, form: ScoreInput) {
  // Checked here as well as in the form: a score outside the rubric never reaches the table.
  const parsed = scoreSchema.safeParse(form);
  invariant(parsed.success, () => invalid("trial:err.score"));
  const input = parsed.data;
  return db.$transaction(async (tx) => {
    const project = await loadPeople(tx, projectId);
    invariant(canScoreTrial(actor, project), forbidden("trial:err.notJudge"));
    const trial = await loadTrial(tx, projectId, sessionId);
    invariant(trial.status !== "cancelled", conflict("trial:err.cancelled"));
    const before = await tx.trialScore.findUnique({
      where: { sessionId_judgeId: { sessionId, judgeId: actor.id } },
      select: { id: true },
    });
    invariant(!before, conflict("trial:err.scoredTwice"));
    const { comment, ...scores } = input;
    const row = await tx.trialScore.create({
      data: { sessionId, projectId, judgeId: actor.id, ...scores, comment },
      select: { id: true },
    });
    const version = await tx.courseVersion.findUniqueOrThrow({
      where: { id: trial.versionId },
      select: { version: true },
    });
    const detail = { title: project.title, version: version.version, score: roundMean(judgeMean(scores)) };
    await writeAudit(tx, actor.id, "trial.score", null, detail, { id: projectId });
    return row;
  });
}

/**
 * The chair decides on the version the trial presented, which must still be the course's newest:
 * an acceptance record, the project's next stage, and on accept the trainer's qualification.
 */
export async function decideTrial(actor: Actor, projectId: number, sessionId: number, input: DecisionInput) {
  return db.$transaction(async (tx) => {
    const project = await loadPeople(tx, projectId);
    invariant(canDecideTrial(actor, project), forbidden("trial:err.notChair"));
    const trial = await loadTrial(tx, projectId, sessionId);
    invariant(input.versionId === trial.versionId, invalid({ versionId: "trial:err.otherVersion" }));
    const course = await tx.course.findUniqueOrThrow({
      where: { id: trial.courseId },
      select: { currentVersionId: true, currentVersion: { select: { version: true } } },
    });
    const judged = await tx.courseVersion.findUniqueOrThrow({
      where: { id: trial.versionId },
      select: { version: true },
    });
    invariant(
      course.currentVersionId === trial.versionId,
      conflict("trial:err.notNewest", {
        params: { version: judged.version, newest: course.currentVersion?.version ?? 0 },
      }),
    );
    invariant(project.stage === "trial", conflict("trial:err.notInTrial"));
    const scores = await tx.trialScore.findMany({ where: { sessionId }, select: scoreSelect });
    invariant(scores.length > 0, conflict("trial:err.noScores"));
    await recordAcceptance(tx, {
      courseVersionId: trial.versionId,
      decision: input.decision,
      decidedById: actor.id,
      reason: input.reason,
      projectId,
    });
    await setProjectStage(tx, projectId, STAGE_AFTER[input.decision], actor.id);
    const detail = { title: project.title, version: judged.version, decision: input.decision };
    await writeAudit(tx, actor.id, "trial.decide", null, detail, { id: projectId });
    if (input.decision === "accept") {
      const mean = panelFigures(scores).mean!;
      await qualifyFromTrial(tx, {
        trainerId: trial.trainerId,
        courseId: trial.courseId,
        projectId,
        score: roundMean(mean),
        actorId: actor.id,
      });
    }
  });
}

const scoreSelect = {
  accuracy: true,
  structure: true,
  timing: true,
  exercises: true,
  delivery: true,
  phrasing: true,
} as const;

/** When HR enters a version a project's panel accepted, the project is in the library. */
export async function projectEnteredLibrary(tx: Tx, projectId: number, actorId: number | null) {
  const p = await tx.courseProject.findUnique({ where: { id: projectId }, select: { stage: true } });
  if (p?.stage === "accepted") await setProjectStage(tx, projectId, "in-library", actorId);
}

/** The project's trial lectures for its page: scores per judge and per criterion, and what the viewer may do. */
export async function projectTrials(actor: Actor, projectId: number) {
  const project = await loadPeople(db, projectId);
  invariant(canViewProject(actor, project), forbidden());
  const sessions = await db.trainingSession.findMany({
    where: { kind: TRIAL_KIND, trialProjectId: projectId },
    orderBy: { startsAt: "desc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      room: true,
      status: true,
      trialVersionId: true,
      trainer: { select: { id: true, name: true } },
      course: { select: { id: true, titleZh: true, titleEn: true, currentVersionId: true } },
      _count: { select: { attendees: true } },
      trialScores: {
        orderBy: { id: "asc" },
        select: { ...scoreSelect, id: true, comment: true, judge: { select: { id: true, name: true } } },
      },
    },
  });
  const versions = await db.courseVersion.findMany({
    where: { id: { in: sessions.map((s) => s.trialVersionId ?? 0) } },
    select: { id: true, version: true },
  });
  const numberOf = new Map(versions.map((v) => [v.id, v.version]));
  const judge = canScoreTrial(actor, project);
  const chair = canDecideTrial(actor, project);
  return sessions.map((s) => ({
    ...s,
    version: numberOf.get(s.trialVersionId ?? 0) ?? 0,
    newest: s.course?.currentVersionId === s.trialVersionId,
    panel: panelFigures(s.trialScores),
    scores: s.trialScores.map((r) => ({ ...r, mean: judgeMean(r) })),
    may: {
      score: judge && s.status !== "cancelled" && !s.trialScores.some((r) => r.judge.id === actor.id),
      decide: chair && project.stage === "trial" && s.trialScores.length > 0,
    },
  }));
}

/** Every scored trial lecture a trainer gave, newest first, with the panel's mean (the trainer's page). */
export async function trainerTrialScores(trainerId: number) {
  const sessions = await db.trainingSession.findMany({
    where: { kind: TRIAL_KIND, trainerId, trialScores: { some: {} } },
    orderBy: { startsAt: "desc" },
    take: 50,
    select: {
      id: true,
      startsAt: true,
      course: { select: { id: true, slug: true, titleZh: true, titleEn: true } },
      trialScores: { select: scoreSelect },
    },
  });
  return sessions.flatMap((s) =>
    s.course
      ? [{ id: s.id, course: s.course, score: roundMean(panelFigures(s.trialScores).mean ?? 0), startsAt: s.startsAt }]
      : [],
  );
}

/** The scheduling form's choices: the team's active trainers, and people for the sample audience. */
export async function trialOptions(projectId: number) {
  const [trainers, audience] = await Promise.all([
    db.user.findMany({
      where: {
        active: true,
        roles: { some: { role: "TRAINER" } },
        projectMemberships: { some: { projectId } },
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.user.findMany({
      where: { active: true, roles: { some: { role: { in: ["TRAINEE", "LEAD"] } } } },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 200,
    }),
  ]);
  return { trainers, audience };
}
