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

/** A steady typing log over `ms` that types `text` evenly, one character per event. */
export function steadyLog(text: string, ms: number) {
  const chars = Array.from(text);
  const step = Math.floor((ms - 2000) / chars.length);
  return { v: 1, durationMs: ms, events: chars.map((ch, i): TypingEvent => [1000 + i * step, "i", ch]) };
}
