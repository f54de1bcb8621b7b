// Where one person stands on one assignment, and which reminder is due: pure, so the rules are
// unit-tested without a database. Days are local "YYYY-MM-DD" strings (app/lib/clock.ts).
import { addLocalDays, addLocalMonths, localDay } from "~/lib/clock";

/** Days before the due day that the "due soon" reminder goes out. */
export const REMINDER_DAYS_BEFORE = 3;
export const MAX_REFRESH_MONTHS = 120;

export type MemberState = "done" | "progress" | "new" | "overdue";
export type ReminderKind = "due-soon" | "overdue";

export interface MemberFacts {
  /** The assignment's own due day. */
  dueDay: string;
  refreshMonths: number | null;
  /** When the course (for a series: its earliest-completed module) was last completed; null if not all done. */
  lastCompletedAt: Date | null;
  started: boolean;
}

export interface Standing {
  state: MemberState;
  /** The day the person must (again) have completed by. */
  dueDay: string;
  done: boolean;
}

/**
 * Without a refresh interval, one completion settles the assignment. With one, a completion holds
 * for that many months and the course then falls due again on the day it lapses (never earlier
 * than the assignment's own due day).
 */
export function standing(f: MemberFacts, today: string): Standing {
  let done = f.lastCompletedAt !== null;
  let dueDay = f.dueDay;
  if (f.refreshMonths !== null && f.lastCompletedAt) {
    const lapses = addLocalMonths(localDay(f.lastCompletedAt), f.refreshMonths);
    done = today < lapses;
    if (lapses > dueDay) dueDay = lapses;
  }
  if (done) return { state: "done", dueDay, done };
  if (today > dueDay) return { state: "overdue", dueDay, done };
  return { state: f.started ? "progress" : "new", dueDay, done };
}

/**
 * The reminder owed today, if any, with its cycle (the due day it is about): "due soon" from
 * three days before the due day until the day itself, "overdue" after it. A refreshable course
 * still completed gets "due soon" before its completion lapses.
 */
export function reminderDue(f: MemberFacts, today: string): { kind: ReminderKind; cycle: string } | null {
  const s = standing(f, today);
  if (s.done && f.refreshMonths === null) return null;
  if (s.state === "overdue") return { kind: "overdue", cycle: s.dueDay };
  if (today >= addLocalDays(s.dueDay, -REMINDER_DAYS_BEFORE) && today <= s.dueDay)
    return { kind: "due-soon", cycle: s.dueDay };
  return null;
}

/** A due day may be today or later, never in the past (local days in the configured zone). */
export function dueDayAllowed(dueDay: string, now: Date): boolean {
  return dueDay >= localDay(now);
}

/** Percent of a coverage cell, whole numbers. */
export function percent(n: number, total: number): number {
  return total > 0 ? Math.round((n / total) * 100) : 0;
}
