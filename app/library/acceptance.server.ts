// Publication as a recorded act (decision 035). A version reaches trainees only when it was
// judged (an acceptance record) and HR entered that exact version into the library. The
// trial-lecture panel records its decision with `recordAcceptance`; HR publishes with
// `enterIntoLibrary`, or fast-tracks a minor correction of a live course with `fastTrack`.
import { writeAudit } from "~/admin/audit.server";
import { publishesCourses, type RoleHolder } from "~/auth/policy";
import { projectEnteredLibrary } from "~/development/trial.server";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, invariant, notFound } from "~/lib/errors";

export const DECISIONS = ["accept", "revise", "reject"] as const;
export type AcceptanceDecision = (typeof DECISIONS)[number];

export interface AcceptanceInput {
  courseVersionId: number;
  decision: AcceptanceDecision;
  /** The person who decided; null only for records the seed or an upgrade makes. */
  decidedById: number | null;
  /** Why; required when the version is sent back or rejected (the changes required). */
  reason?: string;
  projectId?: number | null;
  fastTrack?: boolean;
}

type Actor = RoleHolder & { id: number };

const versionSelect = {
  id: true,
  version: true,
  courseId: true,
  course: {
    select: {
      slug: true,
      titleZh: true,
      status: true,
      liveVersionId: true,
      liveVersion: { select: { version: true } },
    },
  },
} as const;

async function findVersion(tx: Tx, courseVersionId: number) {
  const v = await tx.courseVersion.findUnique({ where: { id: courseVersionId }, select: versionSelect });
  invariant(v, notFound("library:error.noVersion"));
  return v;
}

/** Records one judgement of one course version, in the caller's transaction. */
export async function recordAcceptance(tx: Tx, input: AcceptanceInput): Promise<{ id: number }> {
  const reason = (input.reason ?? "").trim();
  invariant(input.decision === "accept" || reason, () => invalid({ reason: "library:error.reasonRequired" }));
  const v = await findVersion(tx, input.courseVersionId);
  const row = await tx.courseAcceptance.create({
    data: {
      courseId: v.courseId,
      courseVersionId: v.id,
      decision: input.decision,
      decidedById: input.decidedById,
      reason,
      projectId: input.projectId ?? null,
      fastTrack: input.fastTrack ?? false,
    },
    select: { id: true },
  });
  await writeAudit(
    tx,
    input.decidedById,
    "library.accept",
    null,
    { slug: v.course.slug, title: v.course.titleZh, version: v.version, decision: input.decision },
    { id: v.courseId },
  );
  return row;
}

/** The latest judgement of a version decides: a version accepted, then rejected, is not accepted. */
export async function latestDecision(tx: Tx, courseVersionId: number) {
  return tx.courseAcceptance.findFirst({
    where: { courseVersionId },
    orderBy: { id: "desc" },
    select: { id: true, decision: true, projectId: true },
  });
}

/**
 * Makes the version live. `expectedVersion` is the live version number the caller saw (0: none);
 * when another entry got there first the call is refused with a conflict and nothing is stored.
 */
async function enter(tx: Tx, actorId: number | null, courseVersionId: number, expectedVersion: number, reason: string) {
  const v = await findVersion(tx, courseVersionId);
  invariant(v.course.status !== "retired", () => invalid("library:error.retired"));
  const decision = await latestDecision(tx, v.id);
  invariant(decision?.decision === "accept", () =>
    invalid("library:error.notAccepted", { params: { version: v.version } }),
  );
  const live = v.course.liveVersion?.version ?? 0;
  invariant(live === expectedVersion && v.course.liveVersionId !== v.id, () => conflict("library:error.stale"));
  // Compare-and-set on the live pointer: of two entries racing, the second finds it moved.
  const { count } = await tx.course.updateMany({
    where: { id: v.courseId, liveVersionId: v.course.liveVersionId },
    data: { liveVersionId: v.id },
  });
  invariant(count === 1, () => conflict("library:error.stale"));
  await tx.libraryEntry.create({
    data: { courseId: v.courseId, courseVersionId: v.id, acceptanceId: decision.id, enteredById: actorId, reason },
    select: { id: true },
  });
  // A version a course project's panel accepted: entering it puts the project in the library.
  if (decision.projectId) await projectEnteredLibrary(tx, decision.projectId, actorId);
  await writeAudit(
    tx,
    actorId,
    "library.enter",
    null,
    { slug: v.course.slug, title: v.course.titleZh, version: v.version },
    { id: v.courseId },
  );
  return { courseId: v.courseId, version: v.version };
}

/** HR enters an accepted version into the library; it replaces the live version for trainees. */
export async function enterIntoLibrary(actor: Actor, courseVersionId: number, expectedVersion: number, reason = "") {
  invariant(publishesCourses(actor), forbidden());
  return db.$transaction((tx) => enter(tx, actor.id, courseVersionId, expectedVersion, reason.trim()));
}

/**
 * HR accepts and enters a minor correction of a live course in one step. The written reason is
 * required and audited: it stands in for the panel's judgement.
 */
export async function fastTrack(actor: Actor, courseVersionId: number, expectedVersion: number, reason: string) {
  invariant(publishesCourses(actor), forbidden());
  const why = reason.trim();
  invariant(why, () => invalid({ reason: "library:error.reasonRequired" }));
  return db.$transaction(async (tx) => {
    const v = await findVersion(tx, courseVersionId);
    const live = v.course.liveVersion?.version;
    invariant(live !== undefined, () => invalid("library:error.fastTrackNotLive"));
    invariant(v.version > live, () => invalid("library:error.fastTrackOlder"));
    invariant(live === expectedVersion, () => conflict("library:error.stale"));
    await recordAcceptance(tx, {
      courseVersionId,
      decision: "accept",
      decidedById: actor.id,
      reason: why,
      fastTrack: true,
    });
    await writeAudit(
      tx,
      actor.id,
      "library.fast-track",
      null,
      { slug: v.course.slug, title: v.course.titleZh, version: v.version, reason: why },
      { id: v.courseId },
    );
    return enter(tx, actor.id, courseVersionId, expectedVersion, why);
  });
}

/**
 * Accepts and enters, without a person, every course that was never in the library and whose
 * file says `accepted`: the demo seed, the bench and test set-ups, which stand for a library
 * judged long ago. A revision of a live course is never entered this way. Not called by the app.
 */
export async function enterClaimedCourses(note = "entered by the seed"): Promise<number> {
  const todo = await db.course.findMany({
    where: { status: "accepted", currentVersionId: { not: null }, liveVersionId: null },
    select: { id: true, currentVersionId: true },
  });
  if (!todo.length) return 0;
  await db.$transaction(async (tx) => {
    const made = await tx.courseAcceptance.createManyAndReturn({
      data: todo.map((c) => ({
        courseId: c.id,
        courseVersionId: c.currentVersionId!,
        decision: "accept",
        reason: note,
      })),
      select: { id: true, courseId: true, courseVersionId: true },
    });
    await tx.libraryEntry.createMany({
      data: made.map((a) => ({
        courseId: a.courseId,
        courseVersionId: a.courseVersionId,
        acceptanceId: a.id,
        reason: note,
      })),
    });
    await tx.$executeRawUnsafe(
      `UPDATE "Course" SET "liveVersionId" = "currentVersionId" WHERE id IN (${todo.map((c) => c.id).join(",")})`,
    );
  });
  return todo.length;
}
