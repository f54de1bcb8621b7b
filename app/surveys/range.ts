// The dashboard's date range from the URL: whole days, `to` inclusive. Bad input never fails the
// page: it is corrected, and the page says what was corrected.
import { addLocalYears, dayBounds, isLocalDay, localDay, monthsBetween, monthStartDay } from "~/lib/clock";

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
