// The common case of an exam start, without an interactive transaction: when a whole shift starts
// an exam at once, every start used to hold the database's one writer across several awaited
// queries, and the typing stream's batches queued behind them. Here the checks are one read on
// the read connection, and the attempt is one guarded INSERT that stores nothing when another
// start of the same person won the race. Anything out of the ordinary (an open attempt to close
// or resume, a cool-down, the day's limit, a granted extra attempt) answers null, and the caller
// takes its full path, which keeps every refusal where it was.
import { Prisma } from "~/generated/prisma/client";
import { startOfLocalDay } from "~/lib/clock";
import { instantText } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { newToken, type NewAttempt } from "./attempts.server";
import type { AttemptLimits } from "./content";
import { contentVersionId, hashData } from "./content.server";

export interface StartChecks {
  /** When this person last started the exam. */
  lastStartedAt: Date | null;
  /** When their last finished attempt closed (its start when it never closed). */
  lastClosedAt: Date | null;
  /** Attempts started since the local day began. */
  today: number;
  /** Open attempts of the exam (any expiry). */
  open: number;
  /** The open proctored sitting of this exam they joined, if any. */
  sittingId: number | null;
  /** The recorded version of the content the attempt will take, once recorded. */
  versionId: number | null;
}

/** The content an attempt takes, as recorded in ExamContentVersion (contentVersionId). */
export type ContentRef = { kind: string; key: string; data: unknown };

const dateOrNull = (v: unknown) => (v === null || v === undefined ? null : new Date(instantText(v)));

/** Everything a start checks, and the content version's id, in one read on the read connection. */
export async function startChecks(userId: number, exam: string, now: Date, content: ContentRef): Promise<StartChecks> {
  const dayStart = startOfLocalDay(now);
  const contentHash = hashData(content.data);
  const [row] = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    SELECT
      (SELECT MAX(a."startedAt") FROM "ExamAttempt" a WHERE a."userId" = ${userId} AND a."exam" = ${exam}) AS "lastStartedAt",
      (SELECT COALESCE(a."closedAt", a."startedAt") FROM "ExamAttempt" a
        WHERE a."userId" = ${userId} AND a."exam" = ${exam} AND a."status" <> 'open'
        ORDER BY a."id" DESC LIMIT 1) AS "lastClosedAt",
      (SELECT COUNT(*) FROM "ExamAttempt" a
        WHERE a."userId" = ${userId} AND a."exam" = ${exam} AND a."startedAt" >= ${dayStart}) AS "today",
      (SELECT COUNT(*) FROM "ExamAttempt" a
        WHERE a."userId" = ${userId} AND a."exam" = ${exam} AND a."status" = 'open') AS "open",
      (SELECT m."sittingId" FROM "ExamSittingMember" m JOIN "ExamSitting" s ON s."id" = m."sittingId"
        WHERE m."userId" = ${userId} AND s."exam" = ${exam} AND s."closedAt" IS NULL
          AND s."opensAt" <= ${now} AND s."closesAt" > ${now}
        ORDER BY m."joinedAt" DESC LIMIT 1) AS "sittingId",
      (SELECT v."id" FROM "ExamContentVersion" v
        WHERE v."kind" = ${content.kind} AND v."key" = ${content.key} AND v."contentHash" = ${contentHash}) AS "versionId"`);
  const id = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    lastStartedAt: dateOrNull(row?.lastStartedAt),
    lastClosedAt: dateOrNull(row?.lastClosedAt),
    today: Number(row?.today ?? 0),
    open: Number(row?.open ?? 0),
    sittingId: id(row?.sittingId),
    versionId: id(row?.versionId),
  };
}

/** The content version's id: from the checks when it was already recorded, else recorded now. */
export async function versionIdOf(checks: StartChecks, content: ContentRef): Promise<number> {
  return checks.versionId ?? contentVersionId(db, content.kind, content.key, content.data);
}

/** Whether the timed exams' limits (cool-down after a start, attempts a day) let a start through. */
export function withinLimits(c: StartChecks, limits: AttemptLimits, now: Date): boolean {
  const cooling =
    c.lastStartedAt !== null && c.lastStartedAt.getTime() + limits.cooldownMinutes * 60_000 > now.getTime();
  return !cooling && c.today < limits.maxPerDay;
}

/**
 * Stores a new attempt in one statement, unless the person already has an open attempt of the
 * exam (another start got there first): then null.
 */
export async function insertAttempt(input: NewAttempt, sittingId: number | null) {
  const { token, tokenHash } = newToken();
  const rows = await db.$queryRaw<{ id: number | bigint }[]>(insertAttemptSql(input, sittingId, tokenHash));
  const id = rows[0]?.id;
  return id === undefined ? null : { attemptId: Number(id), token, tokenHash };
}

export function insertAttemptSql(input: NewAttempt, sittingId: number | null, tokenHash: string): Prisma.Sql {
  const { userId, exam } = input;
  return Prisma.sql`
    INSERT INTO "ExamAttempt"
      ("sittingId", "userId", "exam", "contentVersionId", "tokenHash", "startedAt", "deadlineAt", "expiresAt", "setup")
    SELECT ${sittingId}, ${userId}, ${exam}, ${input.contentVersionId}, ${tokenHash}, ${input.startedAt},
      ${input.deadlineAt}, ${input.expiresAt}, ${JSON.stringify(input.setup)}
    WHERE NOT EXISTS (
      SELECT 1 FROM "ExamAttempt" o WHERE o."userId" = ${userId} AND o."exam" = ${exam} AND o."status" = 'open')
    RETURNING "id"`;
}
