// The typing test on the server: issue an attempt with a passage, then score the browser's log
// against the server's own start and end times.
import { db } from "~/lib/db.server";
import { invalid, notFound } from "~/lib/errors";
import { abandonOpenAttempts, claimAttempt, closeAttempt, createResult, openAttempt } from "./attempts.server";
import { contentVersionId, examContent, planExam } from "./content.server";
import { scoreTyping, typingLogSchema, typingPassed, type TypingLang, type TypingPassMark } from "./scoring/typing";

/** A late submission is refused after this much slack past the exam's end. */
const SUBMIT_GRACE_MS = 30_000;
const DEFAULT_SECONDS = 180;

export interface TypingSetup {
  passageId: string;
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
  const passage = passages[Math.floor(random() * passages.length)];
  if (!passage) throw notFound("exams:err.noContent");
  const options = (await typingOptions()).find((o) => o.lang === lang)!;
  const durationMs = options.seconds * 1000;
  const exam = `typing:${lang}`;
  const target = passage.text.replace(/\s*\n\s*/g, lang === "zh" ? "" : " ");
  return db.$transaction(async (tx) => {
    const now = new Date();
    await abandonOpenAttempts(tx, userId, exam, now);
    const setup: TypingSetup = {
      passageId: passage.id,
      lang,
      durationMs,
      mark: { minNet: options.minNet, minAccuracy: options.minAccuracy },
      target,
    };
    const versionId = await contentVersionId(tx, "passage", passage.id, passage);
    const { attemptId, token } = await openAttempt(tx, {
      userId,
      exam,
      contentVersionId: versionId,
      startedAt: now,
      deadlineAt: new Date(now.getTime() + durationMs),
      expiresAt: new Date(now.getTime() + durationMs + SUBMIT_GRACE_MS),
      setup,
    });
    return { attemptId, token, durationMs, target, title: passage.title, lang, mark: setup.mark };
  });
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
    const figures = scoreTyping({
      log: log.data,
      target: setup.target,
      lang: setup.lang,
      examMs: setup.durationMs,
      serverElapsedMs: now.getTime() - attempt.startedAt.getTime(),
    });
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
      figures: { ...rest, mark: setup.mark, passageId: setup.passageId },
      misses,
    });
    return { resultId: result.id, figures };
  });
  if (!outcome) throw invalid("exams:err.badLog");
  return outcome;
}
