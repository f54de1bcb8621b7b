// Attempt tokens: issued by the server, bound to one user, good for one submission, and refused
// after they expire. Only a SHA-256 of a token is stored.
import { createHash, randomBytes } from "node:crypto";
import { type db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid } from "~/lib/errors";

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

const attemptSelect = {
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
}

/** Earlier open attempts of the same exam are abandoned when a new one starts: one at a time. */
export async function abandonOpenAttempts(tx: Tx, userId: number, exam: string, at: Date) {
  await tx.examAttempt.updateMany({
    where: { userId, exam, status: "open" },
    data: { status: "invalid", invalidReason: "abandoned", closedAt: at, version: { increment: 1 } },
  });
}

/** An attempt whose token expires with its time limit, counted from `startedAt`. */
export function openTimedAttempt(
  tx: Tx,
  input: { userId: number; exam: string; contentVersionId: number; startedAt: Date; limitMs: number; setup: unknown },
) {
  const { limitMs, ...rest } = input;
  const end = new Date(input.startedAt.getTime() + limitMs);
  return openAttempt(tx, { ...rest, deadlineAt: end, expiresAt: end });
}

export async function openAttempt(
  tx: Tx,
  input: {
    userId: number;
    exam: string;
    contentVersionId: number;
    startedAt: Date;
    deadlineAt: Date;
    expiresAt: Date;
    setup: unknown;
  },
) {
  const { token, tokenHash } = newToken();
  const attempt = await tx.examAttempt.create({
    data: {
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
