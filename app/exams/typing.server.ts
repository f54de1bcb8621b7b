// The typing test on the server: issue an attempt with a passage, then score the browser's log
// against the server's own start and end times.
import { db, type Tx } from "~/lib/db.server";
import { conflict, invalid, notFound, rateLimited } from "~/lib/errors";
import {
  abandonOpenAttempts,
  claimAttempt,
  closeAttempt,
  createResult,
  limitsFor,
  openAttempt,
} from "./attempts.server";
import { examContent, planExam } from "./content.server";
import { insertAttempt, startChecks, versionIdOf, withinLimits } from "./fast-start.server";
import { passageOrder, typingTarget } from "./scoring/draw";
import {
  scoreTyping,
  typingEventSchema,
  typingLogSchema,
  typingPassed,
  type InvalidReason,
  type TypingLang,
  type TypingFigures,
  type TypingLog,
  type TypingPassMark,
} from "./scoring/typing";
import { checkStream, type ReceivedBatch } from "./scoring/typing-stream";

/** A late submission is refused after this much slack past the exam's end. */
const SUBMIT_GRACE_MS = 30_000;
const DEFAULT_SECONDS = 180;

export interface TypingSetup {
  /** The passage the attempt starts on (and whose version the attempt records). */
  passageId: string;
  /** Every passage of the language once, in the drawn order: the target is them joined. */
  passageIds: string[];
  lang: TypingLang;
  durationMs: number;
  mark: TypingPassMark;
  target: string;
}

export async function typingOptions() {
  const content = await examContent();
  return (["zh", "en"] as const)
    .map((lang) => {
      const exam = planExam(content, `typing:${lang}`);
      const passages = content.passages.filter((p) => p.lang === lang);
      return {
        lang,
        inPlan: Boolean(exam),
        seconds: exam?.kind === "typing" ? exam.durationSeconds : DEFAULT_SECONDS,
        minNet: exam?.kind === "typing" ? exam.minNet : lang === "zh" ? 80 : 40,
        minAccuracy: exam?.kind === "typing" ? exam.minAccuracy : 0.95,
        passages: passages.length,
      };
    })
    .filter((o) => o.passages > 0);
}

export async function startTyping(userId: number, lang: TypingLang, random: () => number = Math.random) {
  const content = await examContent();
  const passages = content.passages.filter((p) => p.lang === lang);
  // A fast typist who reaches the end of a passage goes on to another, never the same one again.
  const order = passageOrder(passages, random);
  const passage = order[0];
  if (!passage) throw notFound("exams:err.noContent");
  const options = (await typingOptions()).find((o) => o.lang === lang)!;
  const durationMs = options.seconds * 1000;
  const exam = `typing:${lang}`;
  const target = typingTarget(
    order.map((p) => p.text),
    lang,
  );
  const setup: TypingSetup = {
    passageId: passage.id,
    passageIds: order.map((p) => p.id),
    lang,
    durationMs,
    mark: { minNet: options.minNet, minAccuracy: options.minAccuracy },
    target,
  };
  const started = (attemptId: number, token: string) =>
    ({ attemptId, token, durationMs, target, title: passage.title, lang, mark: setup.mark }) as const;
  const times = (now: Date) => ({
    startedAt: now,
    deadlineAt: new Date(now.getTime() + durationMs),
    expiresAt: new Date(now.getTime() + durationMs + SUBMIT_GRACE_MS),
  });
  // The common case, one read and one guarded INSERT (fast-start.server.ts): the clock starts
  // as the attempt is stored, just before the page gets its answer and starts its own.
  const version = { kind: "passage", key: passage.id, data: passage };
  const checked = new Date();
  const checks = await startChecks(userId, exam, checked, version);
  const versionId = await versionIdOf(checks, version);
  if (checks.open === 0 && withinLimits(checks, await limitsFor(exam), checked)) {
    const fast = await insertAttempt(
      { userId, exam, contentVersionId: versionId, setup, ...times(new Date()) },
      checks.sittingId,
    );
    if (fast) return started(fast.attemptId, fast.token);
  }
  return db.$transaction(async (tx) => {
    const now = new Date();
    await abandonOpenAttempts(tx, userId, exam, now);
    const { attemptId, token } = await openAttempt(tx, {
      userId,
      exam,
      contentVersionId: versionId,
      setup,
      ...times(now),
    });
    return started(attemptId, token);
  });
}

/**
 * Records one batch of the log as it arrives, stamped with the server's clock. Batches come in
 * order; a retried batch (a sequence number already stored) changes nothing.
 *
 * Hundreds of pages send a batch every few seconds, so this is the hottest write of the exams:
 * the attempt is checked on the read connection, and the batch is stored by one guarded INSERT
 * (its own short write transaction) that stores nothing unless the attempt is still open and
 * the batch is the next one. Only when it stored nothing is the reason looked up.
 *
 * `now` is the batch's arrival at the server; `queuedMs` how long the server had it before this
 * call (its own queue). The page cuts the next batch only once this one is answered, so that
 * much of the next gap is the server's doing, and checkStream does not hold it against the
 * trainee (decision 057).
 */
export async function streamTyping(
  userId: number,
  token: unknown,
  batch: { seq: number; at: number; events: unknown[] },
  now = new Date(),
  queuedMs = 0,
) {
  const attempt = await claimAttempt(db, token, userId, /^typing:/, now);
  // At most one batch a second over the exam and its grace: the page sends one every few.
  const durationMs = attempt.deadlineAt.getTime() - attempt.startedAt.getTime();
  const maxBatches = Math.ceil((durationMs + SUBMIT_GRACE_MS) / 1000);
  const events = JSON.stringify(batch.events);
  const heldMs = Math.max(0, Math.round(queuedMs));
  // The batch limit is checked here, not in SQL: two bare parameters compared in SQL have no type
  // on PostgreSQL, which then compares them as text ("3" < "210" is false).
  const stored =
    batch.seq < maxBatches &&
    (await db.$executeRaw`
    INSERT INTO "TypingBatch" ("attemptId", "seq", "at", "events", "receivedAt", "heldMs")
    SELECT a."id", ${batch.seq}, ${batch.at}, ${events}, ${now}, ${heldMs} FROM "ExamAttempt" a
    WHERE a."id" = ${attempt.id} AND a."status" = 'open'
      AND (SELECT COUNT(*) FROM "TypingBatch" b WHERE b."attemptId" = a."id") = ${batch.seq}`);
  if (stored === 1) return { seq: batch.seq, duplicate: false };
  return refusedBatch(attempt.id, batch.seq, maxBatches);
}

/** Why a batch was not stored, in the order the checks read: closed, retried, out of order, too many. */
async function refusedBatch(
  attemptId: number,
  seq: number,
  maxBatches: number,
): Promise<{ seq: number; duplicate: true }> {
  const [attempt, count] = await Promise.all([
    db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true } }),
    db.typingBatch.count({ where: { attemptId } }),
  ]);
  if (attempt.status !== "open") throw conflict("exams:err.tokenUsed");
  if (seq < count) return { seq, duplicate: true };
  if (seq > count) throw conflict("exams:err.streamOrder");
  if (seq < maxBatches) throw new Error(`batch ${seq} of open attempt ${attemptId} was not stored`);
  throw rateLimited("exams:err.streamOrder");
}

/** The batches the server received, and the submitted log's tail as the final one. */
async function receivedLog(tx: Tx, attemptId: number, startedAt: Date, log: TypingLog, now: Date) {
  const rows = await tx.typingBatch.findMany({ where: { attemptId }, orderBy: { seq: "asc" } });
  const batches: ReceivedBatch[] = rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    receivedMs: r.receivedAt.getTime() - startedAt.getTime(),
    heldMs: r.heldMs,
    events: typingEventSchema.array().parse(JSON.parse(r.events)),
  }));
  const streamed = batches.reduce((n, b) => n + b.events.length, 0);
  const agrees = JSON.stringify(log.events.slice(0, streamed)) === JSON.stringify(batches.flatMap((b) => b.events));
  batches.push({
    seq: batches.length,
    at: Math.round(log.durationMs),
    receivedMs: now.getTime() - startedAt.getTime(),
    events: log.events.slice(streamed),
  });
  const stream = checkStream(batches);
  const reasons: InvalidReason[] = [...stream.reasons];
  if (!agrees) reasons.push("stream-mismatch");
  return { stream, reasons: [...new Set(reasons)], log: { ...log, events: stream.events } };
}

/**
 * Scores a submitted log. The result is stored even when the log is invalid (with the reasons),
 * so the trainee sees why; a log that is not even well-formed is refused and the attempt voided.
 */
export async function submitTyping(userId: number, token: unknown, rawLog: string, now = new Date()) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawLog);
  } catch {
    parsed = null;
  }
  const log = typingLogSchema.safeParse(parsed);
  const outcome = await db.$transaction(async (tx) => {
    const attempt = await claimAttempt(tx, token, userId, /^typing:/, now);
    if (!log.success) {
      // Voided and kept, outside the error path so the rollback does not undo it.
      await closeAttempt(tx, attempt, "invalid", now, "malformed-log");
      await tx.examLog.create({ data: { attemptId: attempt.id, body: rawLog.slice(0, 200_000) } });
      return null;
    }
    const setup = JSON.parse(attempt.setup) as TypingSetup;
    // Only what arrived while the exam ran is scored; the submitted log adds its unsent tail.
    const received = await receivedLog(tx, attempt.id, attempt.startedAt, log.data, now);
    const scored = scoreTyping({
      log: received.log,
      target: setup.target,
      lang: setup.lang,
      examMs: setup.durationMs,
      serverElapsedMs: now.getTime() - attempt.startedAt.getTime(),
    });
    const figures = { ...scored, invalid: [...new Set([...scored.invalid, ...received.reasons])] };
    const valid = figures.invalid.length === 0;
    await closeAttempt(
      tx,
      attempt,
      valid ? "submitted" : "invalid",
      now,
      valid ? undefined : figures.invalid.join(","),
    );
    await tx.examLog.create({ data: { attemptId: attempt.id, body: rawLog } });
    const { misses, ...rest } = figures;
    const result = await createResult(tx, {
      userId,
      exam: attempt.exam,
      attemptId: attempt.id,
      passed: typingPassed(figures, setup.mark),
      valid,
      score: figures.net,
      figures: {
        ...rest,
        mark: setup.mark,
        passageId: setup.passageId,
        checks: typingChecks(figures, received.stream),
      },
      misses,
    });
    return { resultId: result.id, figures };
  });
  if (!outcome) throw invalid("exams:err.badLog");
  return outcome;
}

/** Which checks ran and what they found, for the result and its review. */
function typingChecks(figures: TypingFigures, stream: { batches: number; coveredMs: number; reasons: string[] }) {
  const human = ["paste", "burst", "interval", "metronome", "superhuman"] as const;
  return {
    stream: {
      batches: stream.batches,
      seconds: Math.round(stream.coveredMs / 1000),
      ok: stream.reasons.length === 0 && !figures.invalid.includes("stream-mismatch"),
    },
    human: { ...figures.timing, ok: !human.some((r) => figures.invalid.includes(r)) },
  };
}
