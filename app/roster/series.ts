// A series taught module by module goes into the team's successive morning classes: one module
// per class, never two on one day. A day where an attendee rests is skipped while a clean class
// is still to be had; only when the horizon runs short are flagged classes used, the least bad
// first. Pure, so the planner is tested without a database. Decision 044.
import type { FlagReason, Shift } from "./slots";

export interface SeriesCandidate {
  day: string;
  startsAt: Date;
  endsAt: Date;
  flagged: { userId: number; reason: FlagReason }[];
}

/** 0 everyone fits, 1 someone works another shift or is not rostered, 2 someone rests. */
function badness(c: SeriesCandidate): number {
  if (c.flagged.some((f) => f.reason === "rest")) return 2;
  return c.flagged.length ? 1 : 0;
}

/**
 * Picks `count` classes from the candidates (any order), one per day and none on a day in
 * `takenDays`, cleanest first and then earliest; returned in time order. Fewer than `count`
 * come back when the candidates run out — the caller refuses.
 */
export function pickSeriesSlots<C extends SeriesCandidate>(
  candidates: readonly C[],
  count: number,
  takenDays: readonly string[] = [],
): C[] {
  const ranked = [...candidates].sort((a, b) => badness(a) - badness(b) || a.startsAt.getTime() - b.startsAt.getTime());
  const days = new Set(takenDays);
  const picked: C[] = [];
  for (const c of ranked) {
    if (picked.length >= count) break;
    if (days.has(c.day)) continue;
    days.add(c.day);
    picked.push(c);
  }
  return picked.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Why a person cannot sit in a class typed by hand (minutes of its local day): it lies inside
 * no working shift nor right next to one. Null when it fits or the person is not rostered that
 * day (a team without a roster is not warned about).
 */
export function handTypedFlag(startMin: number, endMin: number, dayShifts: readonly Shift[]): FlagReason | null {
  if (!dayShifts.length) return null;
  const working = dayShifts.filter((s) => !s.rest);
  const fits = working.some(
    (s) => (s.startMin <= startMin && endMin <= s.endMin) || s.startMin === endMin || s.endMin === startMin,
  );
  if (fits) return null;
  return working.length ? "otherShift" : "rest";
}
