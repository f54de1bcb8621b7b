// Helpers for the exam integration tests: run a route action and read its status and data.
import type { TypingEvent } from "~/exams/scoring/typing";
import { db } from "~/lib/db.server";

export function outcome(value: unknown): { status: number; data: Record<string, unknown>; location: string | null } {
  if (value instanceof Response) return { status: value.status, data: {}, location: value.headers.get("Location") };
  const v = value as { type?: string; data?: unknown; init?: { status?: number } };
  if (v && v.type === "DataWithResponseInit")
    return { status: v.init?.status ?? 200, data: (v.data ?? {}) as Record<string, unknown>, location: null };
  return { status: 200, data: (value ?? {}) as Record<string, unknown>, location: null };
}

/** Moves an attempt (its server stamps and events) back in time, as if that long had passed. */
export async function ageAttempt(attemptId: number, ms: number) {
  const a = await db.examAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { startedAt: true, deadlineAt: true, expiresAt: true },
  });
  await db.examAttempt.update({
    where: { id: attemptId },
    data: {
      startedAt: new Date(a.startedAt.getTime() - ms),
      deadlineAt: new Date(a.deadlineAt.getTime() - ms),
      expiresAt: new Date(a.expiresAt.getTime() - ms),
    },
  });
  for (const e of await db.examEvent.findMany({ where: { attemptId }, select: { id: true, at: true } })) {
    await db.examEvent.update({ where: { id: e.id }, data: { at: new Date(e.at.getTime() - ms) } });
  }
}

export async function resultsSnapshot() {
  return db.examResult.findMany({
    orderBy: { id: "asc" },
    select: { id: true, userId: true, exam: true, passed: true, valid: true, score: true, figures: true },
  });
}

/**
 * A steady typing log over `ms` that types `text` one character per event, about evenly but not
 * like a metronome (each interval 0.5–1.5 × the mean, in a fixed pattern).
 */
export function steadyLog(text: string, ms: number) {
  const chars = Array.from(text);
  const step = Math.floor((ms - 2000) / chars.length);
  const wobble = (i: number) => Math.round(((i * 7) % 5) * 0.25 * step - step / 2);
  return { v: 1, durationMs: ms, events: chars.map((ch, i): TypingEvent => [1000 + i * step + wobble(i), "i", ch]) };
}

/**
 * Sends a log to the server the way the exam page does: a batch every 4 s, each arriving `lagMs`
 * after the moment it was cut (as measured from the attempt's start). Returns the batches sent.
 */
export async function streamLive(
  userId: number,
  token: string,
  attemptId: number,
  log: { durationMs: number; events: unknown[][] },
  arrival: (at: number) => number = (at) => at + 300,
) {
  const { streamTyping } = await import("~/exams/typing.server");
  const { startedAt } = await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId } });
  let from = 0;
  let seq = 0;
  for (let at = 4000; at < log.durationMs; at += 4000, seq++) {
    let to = from;
    while (to < log.events.length && (log.events[to]?.[0] as number) <= at) to++;
    const batch = { seq, at, events: log.events.slice(from, to) };
    await streamTyping(userId, token, batch as never, new Date(startedAt.getTime() + arrival(at)));
    from = to;
  }
  return seq;
}
