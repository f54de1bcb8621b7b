// The dashboard's date range from the URL: whole days, `to` inclusive. Bad input never fails the
// page: it is corrected, and the page says what was corrected.
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

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDay(value: string | null | undefined): Date | null {
  const m = value ? DAY.exec(value) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Reject 2026-02-31 and friends, which Date would roll over silently.
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    return null;
  if (d.getUTCFullYear() < 2000 || d.getUTCFullYear() > 2100) return null;
  return d;
}

export function dayString(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addYears(d: Date, years: number): Date {
  const r = new Date(d);
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

export function defaultRange(today: Date): { from: Date; to: Date } {
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (DEFAULT_RANGE_MONTHS - 1), 1));
  return { from, to };
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
  if (to.getTime() < from.getTime()) {
    [from, to] = [to, from];
    notice = "rangeSwapped";
  }
  const earliest = addYears(to, -MAX_RANGE_YEARS);
  if (from.getTime() < earliest.getTime()) {
    from = earliest;
    notice = "rangeClamped";
  }
  return { from: dayString(from), to: dayString(to), start: from, end: new Date(to.getTime() + 86400_000), notice };
}

/** Every month (YYYY-MM) from the range's first to its last, so gaps show as gaps. */
export function monthsOf(range: Pick<DateRange, "from" | "to">): string[] {
  const months: string[] = [];
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  const last = range.to.slice(0, 7);
  for (let guard = 0; guard < 12 * (MAX_RANGE_YEARS + 1); guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return months;
}
