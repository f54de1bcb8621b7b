// Class slots from the roster. A team's rule says where its one-hour classes may sit: the first
// hour of a chosen shift (the morning class), the hour before a shift starts, the hour after it
// ends, on chosen weekdays. Pure: the week view, the proposal for a request and the tests all
// derive the same slots from the same roster. Decision 039.
import { addLocalDays, parseLocal } from "~/lib/clock";
import { formatClock } from "./time";

export const SLOT_KINDS = ["morning", "before", "after"] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export interface SlotRule {
  weekdays: number[]; // ISO: Monday = 1 … Sunday = 7
  morningCode: string;
  beforeShift: boolean;
  afterShift: boolean;
}

export interface Shift {
  userId: number;
  day: string;
  code: string;
  startMin: number;
  endMin: number;
  rest: boolean;
}

export interface CodeDef {
  code: string;
  startMin: number;
  endMin: number;
  rest: boolean;
}

/** A slot on one local day; minutes after that day's midnight (before-shift slots may be < 0). */
export interface Slot {
  day: string;
  kind: SlotKind;
  startMin: number;
  endMin: number;
}

export type FlagReason = "rest" | "otherShift" | "noRoster";

/** ISO weekday of a "YYYY-MM-DD" (Monday = 1). */
export function isoWeekday(day: string): number {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
}

/** "1,3,5" → [1, 3, 5]; anything else in the list is dropped. */
export function parseWeekdays(text: string): number[] {
  const days = text
    .split(/[,\s]+/)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 7);
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addLocalDays(d, 1)) days.push(d);
  return days;
}

/** The instant of a minute of a local day in the configured zone (minutes may leave the day). */
export function atMinutes(day: string, minutes: number): Date {
  const shift = Math.floor(minutes / 1440);
  const at = parseLocal(addLocalDays(day, shift), formatClock(minutes - shift * 1440));
  if (!at) throw new Error(`No such local time: ${day} +${minutes}`);
  return at;
}

/** The shifts of each day, indexed for the derivations below. */
export function byDay(shifts: readonly Shift[]): Map<string, Shift[]> {
  const map = new Map<string, Shift[]>();
  for (const s of shifts) {
    const list = map.get(s.day);
    if (list) list.push(s);
    else map.set(s.day, [s]);
  }
  return map;
}

/**
 * A team's class slots over a range: for each chosen weekday, the first `duration` minutes of the
 * morning shift (when someone works it that day), and the hour before each distinct shift start
 * and after each distinct shift end, as the rule allows. Ordered by day, then time.
 */
export function deriveSlots(
  rule: SlotRule,
  shifts: readonly Shift[],
  codes: ReadonlyMap<string, CodeDef>,
  from: string,
  to: string,
  duration = 60,
): Slot[] {
  const days = byDay(shifts);
  const morning = codes.get(rule.morningCode);
  const slots: Slot[] = [];
  for (const day of daysBetween(from, to)) {
    if (!rule.weekdays.includes(isoWeekday(day))) continue;
    const working = (days.get(day) ?? []).filter((s) => !s.rest);
    if (!working.length) continue;
    const found = new Map<string, Slot>();
    const add = (kind: SlotKind, startMin: number) =>
      found.set(`${kind}:${startMin}`, { day, kind, startMin, endMin: startMin + duration });
    if (
      morning &&
      !morning.rest &&
      working.some((s) => s.startMin === morning.startMin && s.endMin >= morning.startMin + duration)
    )
      add("morning", morning.startMin);
    if (rule.beforeShift) for (const s of working) add("before", s.startMin - duration);
    if (rule.afterShift) for (const s of working) add("after", s.endMin);
    slots.push(...[...found.values()].sort((a, b) => a.startMin - b.startMin || a.kind.localeCompare(b.kind)));
  }
  return slots;
}

/**
 * Whether a person's shifts of the slot's day let them sit in it: a morning class inside a shift,
 * a before-shift class ending as a shift starts, an after-shift class starting as one ends.
 * Otherwise why not: a rest day, another shift, or nothing on the roster.
 */
export function attendeeFit(slot: Slot, dayShifts: readonly Shift[]): "fits" | FlagReason {
  const working = dayShifts.filter((s) => !s.rest);
  const fits = working.some((s) =>
    slot.kind === "morning"
      ? s.startMin <= slot.startMin && slot.endMin <= s.endMin
      : slot.kind === "before"
        ? s.startMin === slot.endMin
        : s.endMin === slot.startMin,
  );
  if (fits) return "fits";
  if (working.length) return "otherShift";
  return dayShifts.some((s) => s.rest) ? "rest" : "noRoster";
}

/**
 * The trainer teaches during their shift or right next to it. A trainer with nothing on the
 * roster that day is taken as free (trainers are not always rostered); a rest day is not.
 */
export function trainerFree(slot: Slot, dayShifts: readonly Shift[]): boolean {
  if (!dayShifts.length) return true;
  return dayShifts.some(
    (s) =>
      !s.rest &&
      ((s.startMin <= slot.startMin && slot.endMin <= s.endMin) ||
        s.startMin === slot.endMin ||
        s.endMin === slot.startMin),
  );
}

export interface Busy {
  startsAt: Date;
  endsAt: Date;
}

export interface ProposalInput {
  candidates: Slot[];
  attendeeIds: number[];
  /** Every roster shift of the attendees and the trainer in the range. */
  shifts: readonly Shift[];
  trainerId: number;
  /** Sessions of the trainer, in the room, or with any attendee (not cancelled). */
  busy: readonly Busy[];
  from: Date;
  count: number;
}

export interface Proposal {
  day: string;
  kind: SlotKind;
  start: string;
  end: string;
  startsAt: Date;
  endsAt: Date;
  flagged: { userId: number; reason: FlagReason }[];
}

/**
 * The next `count` slots that nobody is busy in and the trainer can teach: first those every
 * attendee fits, in time order; then, if too few, those with the fewest attendees flagged.
 */
export function pickProposals(input: ProposalInput): Proposal[] {
  const shiftsOf = new Map<string, Shift[]>();
  for (const s of input.shifts) {
    const key = `${s.userId}:${s.day}`;
    const list = shiftsOf.get(key);
    if (list) list.push(s);
    else shiftsOf.set(key, [s]);
  }
  const dayOf = (userId: number, day: string) => shiftsOf.get(`${userId}:${day}`) ?? [];
  const seen = new Set<string>();
  const out: Proposal[] = [];
  for (const slot of input.candidates) {
    const key = `${slot.day}:${slot.startMin}:${slot.endMin}:${slot.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const startsAt = atMinutes(slot.day, slot.startMin);
    const endsAt = atMinutes(slot.day, slot.endMin);
    if (startsAt < input.from) continue;
    if (input.busy.some((b) => b.startsAt < endsAt && startsAt < b.endsAt)) continue;
    if (!trainerFree(slot, dayOf(input.trainerId, slot.day))) continue;
    const flagged: Proposal["flagged"] = [];
    for (const userId of input.attendeeIds) {
      const fit = attendeeFit(slot, dayOf(userId, slot.day));
      if (fit !== "fits") flagged.push({ userId, reason: fit });
    }
    out.push({
      day: slot.day,
      kind: slot.kind,
      start: formatClock(slot.startMin),
      end: formatClock(slot.endMin),
      startsAt,
      endsAt,
      flagged,
    });
  }
  return out
    .sort((a, b) => a.flagged.length - b.flagged.length || a.startsAt.getTime() - b.startsAt.getTime())
    .slice(0, input.count);
}
