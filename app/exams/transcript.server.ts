// What a response-drill result needs for coaching: the chat as it happened (each customer
// message, the reply and when it came, and how that message was judged), and for any result,
// when the person may next take the exam.
import { startOfLocalDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { limitsFor } from "./attempts.server";
import { describeMissed, type MissedFact } from "./drill-facts";
import { getBank, quizState } from "./quiz.server";
import type { RequiredFact } from "./scoring/response";
import { outcomes } from "./sequence.server";

export interface TranscriptRow {
  messageId: string;
  text: string;
  releasedAt: string;
  reply: string;
  repliedAt: string | null;
  seconds: number | null;
  complete: boolean | null;
  missing: string[];
  /** The missed facts with the Chinese words to say (and the English gloss). */
  facts: MissedFact[];
}

/** The transcript of a response-drill attempt, in the order the messages were sent. */
export async function responseTranscript(
  attemptId: number,
  perMessage: readonly { messageId: string; seconds: number; complete: boolean; missing: string[] }[],
): Promise<TranscriptRow[]> {
  const attempt = await db.examAttempt.findUnique({
    where: { id: attemptId },
    select: {
      setup: true,
      events: { orderBy: { seq: "asc" }, select: { seq: true, type: true, ref: true, body: true, at: true } },
    },
  });
  if (!attempt) return [];
  const setup = JSON.parse(attempt.setup) as {
    order?: string[];
    script?: { messages?: { id: string; text: string; facts?: RequiredFact[] }[] };
    phrases?: Record<string, string>;
  };
  const texts = new Map((setup.script?.messages ?? []).map((m) => [m.id, m.text]));
  const facts = new Map((setup.script?.messages ?? []).map((m) => [m.id, m.facts ?? []]));
  const judged = new Map(perMessage.map((p) => [p.messageId, p]));
  return outcomes(attempt.events, setup.order ?? []).map((o) => {
    const j = judged.get(o.ref);
    return {
      messageId: o.ref,
      text: texts.get(o.ref) ?? "",
      releasedAt: new Date(o.releasedAt).toISOString(),
      reply: o.body,
      repliedAt: o.repliedAt === null ? null : new Date(o.repliedAt).toISOString(),
      seconds: o.repliedAt === null ? null : (j?.seconds ?? null),
      complete: j ? j.complete : null,
      missing: j?.missing ?? [],
      facts: describeMissed(j?.missing ?? [], facts.get(o.ref) ?? [], setup.phrases ?? {}),
    };
  });
}

/**
 * When this person may next start the exam, or null when they may now (or it is not theirs to
 * start, like the trainer-scored drill). The same rules as the start itself: the cool-down after
 * the last attempt and the day's limit; an extra attempt granted by HR lifts both.
 */
export async function nextAttemptAt(userId: number, exam: string, now = new Date()): Promise<Date | null> {
  if (exam === "drill") return null;
  if (exam.startsWith("quiz:")) {
    const bank = await getBank(exam.slice(5)).catch(() => null);
    return bank ? (await quizState(userId, bank, now)).retakeAt : null;
  }
  const dayStart = startOfLocalDay(now);
  const [limits, last, today, grant] = await Promise.all([
    limitsFor(exam),
    db.examAttempt.findFirst({ where: { userId, exam }, orderBy: { startedAt: "desc" }, select: { startedAt: true } }),
    db.examAttempt.count({ where: { userId, exam, startedAt: { gte: dayStart } } }),
    db.examAttemptGrant.findFirst({ where: { userId, exam, usedAt: null }, select: { id: true } }),
  ]);
  if (grant || !last) return null;
  if (today >= limits.maxPerDay) return startOfLocalDay(new Date(dayStart.getTime() + 36 * 3_600_000));
  const coolUntil = last.startedAt.getTime() + limits.cooldownMinutes * 60_000;
  return coolUntil > now.getTime() ? new Date(coolUntil) : null;
}
