// Attempt tokens: issued by the server, bound to one user, good for one submission, and refused
// after they expire. Only a SHA-256 of a token is stored.
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "~/admin/audit.server";
import { startOfLocalDay } from "~/lib/clock";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound, rateLimited } from "~/lib/errors";
import { attemptLimits, type AttemptLimits } from "./content";
import { examContent, planExam } from "./content.server";
import { joinedSitting } from "./sittings.server";

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(24).toString("base64url");
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export type ClaimedAttempt = {
  id: number;
  userId: number;
  exam: string;
  status: string;
  startedAt: Date;
  deadlineAt: Date;
  expiresAt: Date;
  setup: string;
  version: number;
  contentVersionId: number;
};

export const attemptSelect = {
  id: true,
  userId: true,
  exam: true,
  status: true,
  startedAt: true,
  deadlineAt: true,
  expiresAt: true,
  setup: true,
  version: true,
  contentVersionId: true,
} as const;

/**
 * The open attempt a token stands for. Refuses a malformed or unknown token, someone else's,
 * one already used, and (unless allowExpired) one past its expiry.
 */
export async function claimAttempt(
  tx: Tx | typeof db,
  token: unknown,
  userId: number,
  exam: string | RegExp,
  now: Date,
  allowExpired = false,
): Promise<ClaimedAttempt> {
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw invalid("exams:err.token");
  const attempt = await tx.examAttempt.findUnique({ where: { tokenHash: hashToken(token) }, select: attemptSelect });
  if (!attempt) throw invalid("exams:err.token");
  if (attempt.userId !== userId) throw forbidden("exams:err.tokenOther");
  if (typeof exam === "string" ? attempt.exam !== exam : !exam.test(attempt.exam)) throw invalid("exams:err.token");
  if (attempt.status !== "open") throw conflict("exams:err.tokenUsed");
  if (!allowExpired && now.getTime() > attempt.expiresAt.getTime()) throw invalid("exams:err.tokenExpired");
  return attempt;
}

/** Closes an open attempt exactly once (optimistic on `version`); a second closer gets 409. */
export async function closeAttempt(
  tx: Tx,
  attempt: ClaimedAttempt,
  status: "submitted" | "invalid" | "expired",
  at: Date,
  invalidReason?: string,
) {
  const { count } = await tx.examAttempt.updateMany({
    where: { id: attempt.id, status: "open", version: attempt.version },
    data: { status, closedAt: at, invalidReason: invalidReason ?? null, version: { increment: 1 } },
  });
  if (count !== 1) throw conflict("exams:err.tokenUsed");
  // Invalidated by the checks, not by a person: the system is the actor, the trainee the subject.
  if (status === "invalid") {
    const said = { exam: attempt.exam, reason: invalidReason ?? "" };
    await writeAudit(tx, null, "exam.attempt-invalidated", attempt.userId, said, { id: attempt.id });
  }
}

/** The cool-down and daily limit in force for an exam: the plan's, else the defaults. */
export async function limitsFor(exam: string): Promise<AttemptLimits> {
  const e = planExam(await examContent(), exam);
  return attemptLimits(e?.kind === "typing" || e?.kind === "response" || e?.kind === "quick-reply" ? e : undefined);
}

/**
 * May this person start `exam` now? Refuses (429, with the moment to come back) during the
 * cool-down after the last start and once the day's attempts are used, unless HR granted an extra
 * attempt, which this start then uses up.
 */
export async function checkAttemptAllowed(tx: Tx, userId: number, exam: string, now: Date, limits: AttemptLimits) {
  const dayStart = startOfLocalDay(now);
  const [last, today] = await Promise.all([
    tx.examAttempt.findFirst({
      where: { userId, exam },
      orderBy: { startedAt: "desc" },
      select: { startedAt: true },
    }),
    tx.examAttempt.count({ where: { userId, exam, startedAt: { gte: dayStart } } }),
  ]);
  const coolUntil = last ? last.startedAt.getTime() + limits.cooldownMinutes * 60_000 : 0;
  const cooling = coolUntil > now.getTime();
  const dayFull = today >= limits.maxPerDay;
  if (!cooling && !dayFull) return;
  const grant = await tx.examAttemptGrant.findFirst({
    where: { userId, exam, usedAt: null },
    orderBy: { id: "asc" },
    select: { id: true },
  });
  if (grant) {
    const { count } = await tx.examAttemptGrant.updateMany({
      where: { id: grant.id, usedAt: null },
      data: { usedAt: now },
    });
    if (count === 1) return;
  }
  if (dayFull) {
    const tomorrow = startOfLocalDay(new Date(dayStart.getTime() + 36 * 3_600_000));
    throw rateLimited("exams:err.attemptsToday", { params: { at: tomorrow.toISOString(), count: limits.maxPerDay } });
  }
  throw rateLimited("exams:err.coolDown", { params: { at: new Date(coolUntil).toISOString() } });
}

/**
 * Every start of a timed exam (typing, response drill, quick replies) goes through here: the
 * limits first (a refused start leaves the open attempt running), then any open attempt of the
 * same exam ends as a failed result (abandoned), shown in the history: a restart never erases a
 * run that was going badly.
 */
export async function beginAttempt(tx: Tx, userId: number, exam: string, at: Date, limits?: AttemptLimits) {
  await checkAttemptAllowed(tx, userId, exam, at, limits ?? (await limitsFor(exam)));
  const open = await tx.examAttempt.findMany({ where: { userId, exam, status: "open" }, select: attemptSelect });
  for (const attempt of open) {
    await closeAttempt(tx, attempt, "invalid", at, "abandoned");
    await createResult(tx, {
      userId,
      exam,
      attemptId: attempt.id,
      passed: false,
      valid: true,
      score: 0,
      figures: { abandoned: true },
      misses: [],
    });
  }
}

/** The typing exam's start calls it by this name: the same checks and closing as `beginAttempt`. */
export const abandonOpenAttempts = beginAttempt;

/** An attempt whose token expires with its time limit, counted from `startedAt`. */
export function openTimedAttempt(
  tx: Tx,
  input: { userId: number; exam: string; contentVersionId: number; startedAt: Date; limitMs: number; setup: unknown },
) {
  const { limitMs, ...rest } = input;
  const end = new Date(input.startedAt.getTime() + limitMs);
  return openAttempt(tx, { ...rest, deadlineAt: end, expiresAt: end });
}

/** What a new attempt stores: who, which exam and content, its times and its setup. */
export interface NewAttempt {
  userId: number;
  exam: string;
  contentVersionId: number;
  startedAt: Date;
  deadlineAt: Date;
  expiresAt: Date;
  setup: unknown;
}

export async function openAttempt(tx: Tx, input: NewAttempt) {
  const { token, tokenHash } = newToken();
  // Begun while the trainee has joined an open sitting of this exam: it belongs to that sitting.
  const sittingId = await joinedSitting(tx, input.userId, input.exam, input.startedAt);
  const attempt = await tx.examAttempt.create({
    data: {
      sittingId,
      userId: input.userId,
      exam: input.exam,
      contentVersionId: input.contentVersionId,
      tokenHash,
      startedAt: input.startedAt,
      deadlineAt: input.deadlineAt,
      expiresAt: input.expiresAt,
      setup: JSON.stringify(input.setup),
    },
    select: { id: true },
  });
  return { attemptId: attempt.id, token };
}

export async function createResult(
  tx: Tx,
  input: {
    userId: number;
    exam: string;
    attemptId: number | null;
    passed: boolean;
    valid: boolean;
    score: number;
    figures: unknown;
    misses: unknown;
  },
) {
  return tx.examResult.create({
    data: {
      userId: input.userId,
      exam: input.exam,
      attemptId: input.attemptId,
      passed: input.passed,
      valid: input.valid,
      score: Number.isFinite(input.score) ? input.score : 0,
      figures: JSON.stringify(input.figures),
      misses: JSON.stringify(input.misses),
    },
    select: { id: true },
  });
}

/** HR grants one more attempt at `exam` to a trainee, with a reason; written to the audit log. */
export async function grantAttempt(hrId: number, userId: number, exam: string, reason: string) {
  const text = reason.trim();
  if (!text) throw invalid("exams:err.grantReason", { field: "reason" });
  return db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!person) throw notFound();
    const grant = await tx.examAttemptGrant.create({
      data: { userId, exam, reason: text, grantedById: hrId },
      select: { id: true },
    });
    await writeAudit(
      tx,
      hrId,
      "exam.attempt-granted",
      userId,
      { exam, reason: text, grantId: grant.id },
      { id: grant.id },
    );
    return grant.id;
  });
}

/** Extra attempts granted and not used yet, per exam. */
export async function openGrants(userId: number) {
  return db.examAttemptGrant.findMany({
    where: { userId, usedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, exam: true, reason: true, createdAt: true },
  });
}
