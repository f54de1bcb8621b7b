// The dashboard's date range from the URL: whole days, `to` inclusive. Bad input never fails the
// page: it is corrected, and the page says what was corrected.
import {
  addLocalDays,
  addLocalYears,
  dayBounds,
  isLocalDay,
  localDay,
  monthsBetween,
  monthStartDay,
} from "~/lib/clock";

export const MAX_RANGE_YEARS = 5;
export const DEFAULT_RANGE_MONTHS = 12;

export type RangeNotice = "rangeSwapped" | "rangeClamped" | "rangeInvalid";

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
  /** Instants for the query: [start, end). */
  start: Date;
  end: Date;
  notice: RangeNotice | null;
}

/** A "YYYY-MM-DD" the dashboard accepts (a real day, 2000–2100), or null. */
export function parseDay(value: string | null | undefined): string | null {
  if (!value || !isLocalDay(value)) return null;
  return value >= "2000-01-01" && value <= "2100-12-31" ? value : null;
}

/** The last 12 months up to today, in the centre's calendar. */
export function defaultRange(today: Date): { from: string; to: string } {
  const to = localDay(today);
  return { from: monthStartDay(to, -(DEFAULT_RANGE_MONTHS - 1)), to };
}

export function parseRange(fromParam: string | null, toParam: string | null, today = new Date()): DateRange {
  const fallback = defaultRange(today);
  let notice: RangeNotice | null = null;
  let from = fromParam ? parseDay(fromParam) : fallback.from;
  let to = toParam ? parseDay(toParam) : fallback.to;
  if (!from || !to) {
    notice = "rangeInvalid";
    from = from ?? fallback.from;
    to = to ?? fallback.to;
  }
  if (to < from) {
    [from, to] = [to, from];
    notice = "rangeSwapped";
  }
  const earliest = addLocalYears(to, -MAX_RANGE_YEARS);
  if (from < earliest) {
    from = earliest;
    notice = "rangeClamped";
  }
  // Whole local days: from the first day's midnight to the midnight after the last.
  return { from, to, start: dayBounds(from)!.start, end: dayBounds(to)!.end, notice };
}

/** Every month (YYYY-MM) from the range's first to its last, so gaps show as gaps. */
export function monthsOf(range: Pick<DateRange, "from" | "to">): string[] {
  return monthsBetween(range.from, range.to);
}

/** The months lying wholly inside [from, to] (days "YYYY-MM-DD", inclusive). */
export function wholeMonths(from: string, to: string): string[] {
  const after = addLocalDays(to, 1);
  return monthsBetween(from, to).filter((m) => `${m}-01` >= from && monthStartDay(`${m}-01`, 1) <= after);
}

/** The days of [from, to] outside its whole months: at most a head and a tail, inclusive. */
export function partialDays(from: string, to: string, whole: string[]): [string, string][] {
  if (whole.length === 0) return [[from, to]];
  const first = `${whole[0]}-01`;
  const afterLast = monthStartDay(`${whole[whole.length - 1]}-01`, 1);
  const out: [string, string][] = [];
  if (from < first) out.push([from, addLocalDays(first, -1)]);
  if (afterLast <= to) out.push([afterLast, to]);
  return out;
}
