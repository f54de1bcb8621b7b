// The one calendar of the app: days, months and weeks as the training centre's wall clock shows
// them, in one configured IANA time zone (default Asia/Shanghai). Instants are stored in UTC; every
// "which day / which month" question is answered here, with date-fns and @date-fns/tz, so that a
// 07:30 class on the 1st is on the 1st everywhere (pages, tallies, CSVs). Pure: server and client.
import { TZDate, tz } from "@date-fns/tz";
import { addDays, format, startOfDay } from "date-fns";

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

let zone = DEFAULT_TIME_ZONE;

/** True when the runtime knows the IANA zone name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

/** Sets the zone for the whole process (server start-up) or page (root data on the client). */
export function setTimeZone(name: string): void {
  if (!isTimeZone(name)) throw new Error(`Unknown time zone: ${name}`);
  zone = name;
}

export function timeZone(): string {
  return zone;
}

type Instant = Date | string | number;
const inZone = (z: string) => ({ in: tz(z) });

/** "YYYY-MM-DD" of the local day that holds the instant. */
export function localDay(at: Instant, z = zone): string {
  return format(new Date(at), "yyyy-MM-dd", inZone(z));
}

/** "YYYY-MM" of the local month that holds the instant. */
export function localMonth(at: Instant, z = zone): string {
  return format(new Date(at), "yyyy-MM", inZone(z));
}

/** "HH:mm" on the local clock. */
export function localTime(at: Instant, z = zone): string {
  return format(new Date(at), "HH:mm", inZone(z));
}

/** "YYYY-MM-DD HH:mm" on the local clock (CSV cells). */
export function localDateTime(at: Instant, z = zone): string {
  return format(new Date(at), "yyyy-MM-dd HH:mm", inZone(z));
}

/** "YYYY-MM-DDTHH:mm" on the local clock (datetime-local inputs). */
export function localInput(at: Instant, z = zone): string {
  return format(new Date(at), "yyyy-MM-dd'T'HH:mm", inZone(z));
}

export function startOfLocalDay(at: Instant, z = zone): Date {
  return new Date(startOfDay(new Date(at), inZone(z)).getTime());
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/**
 * A local "YYYY-MM-DD" (and "HH:mm", default midnight) → the instant, or null when malformed or
 * impossible: 2026-02-30, 24:00, or a wall time skipped by a daylight-saving change.
 */
export function parseLocal(day: string, time = "00:00", z = zone): Date | null {
  const d = DAY.exec(day.trim());
  const t = TIME.exec(time.trim());
  if (!d || !t) return null;
  const at = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), z);
  if (Number.isNaN(at.getTime())) return null;
  // The constructor rolls over silently (Feb 30 → Mar 2); a round trip shows it.
  if (localInput(at, z) !== `${d[1]}-${d[2]}-${d[3]}T${t[1]}:${t[2]}`) return null;
  return new Date(at.getTime());
}

/** "YYYY-MM-DDTHH:mm" (a datetime-local value) → the instant, or null. */
export function parseLocalInput(value: string, z = zone): Date | null {
  const [day = "", time, extra] = value.trim().split("T");
  return time === undefined || extra !== undefined ? null : parseLocal(day, time, z);
}

/** True for a real calendar day written "YYYY-MM-DD". */
export function isLocalDay(day: string): boolean {
  return parseLocal(day, "12:00", "UTC") !== null;
}

/** Start (inclusive) and end (exclusive) instants of a local day; 23 or 25 hours on DST days. */
export function dayBounds(day: string, z = zone): { start: Date; end: Date } | null {
  // From noon, not midnight: a few zones skip midnight itself when the clocks go forward.
  const midday = parseLocal(day, "12:00", z);
  if (!midday) return null;
  const start = startOfDay(midday, inZone(z));
  return {
    start: new Date(start.getTime()),
    end: new Date(startOfDay(addDays(start, 1, inZone(z)), inZone(z)).getTime()),
  };
}

// Calendar arithmetic on day strings needs no zone: a calendar day is the same day in UTC, and
// Date.UTC normalises overflowing months and days. This is plain integer work — the dashboard and
// the reports call it in loops, where a zoned date-fns round trip per call was a hot spot.
function dayParts(day: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const parts: [number, number, number] = m ? [Number(m[1]), Number(m[2]) - 1, Number(m[3])] : [0, -1, 0];
  if (!m || parts[1] < 0 || parts[1] > 11 || parts[2] < 1 || parts[2] > daysInMonth(parts[0], parts[1]))
    throw new Error(`Not a day: ${day}`);
  return parts;
}

function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** The day n days later (or earlier). */
export function addLocalDays(day: string, n: number): string {
  const [y, mo, d] = dayParts(day);
  return utcDay(Date.UTC(y, mo, d + n));
}

/** The day n years later (or earlier); Feb 29 becomes Feb 28. */
export function addLocalYears(day: string, n: number): string {
  const [y, mo, d] = dayParts(day);
  return utcDay(Date.UTC(y + n, mo, Math.min(d, daysInMonth(y + n, mo))));
}

/** Monday of the week that holds the day. */
export function weekStart(day: string): string {
  const [y, mo, d] = dayParts(day);
  const sinceMonday = (new Date(Date.UTC(y, mo, d)).getUTCDay() + 6) % 7;
  return utcDay(Date.UTC(y, mo, d - sinceMonday));
}

/** First day of the month n months after the day's month ("2026-12-15", -11 → "2026-01-01"). */
export function monthStartDay(day: string, n = 0): string {
  const [y, mo] = dayParts(day);
  return utcDay(Date.UTC(y, mo + n, 1));
}

/** Every month key "YYYY-MM" from the first day's month to the last day's, in order. */
export function monthsBetween(fromDay: string, toDay: string): string[] {
  const months: string[] = [];
  const last = toDay.slice(0, 7);
  for (let day = monthStartDay(fromDay); day.slice(0, 7) <= last; day = monthStartDay(day, 1))
    months.push(day.slice(0, 7));
  return months;
}

/** The instant a local month "YYYY-MM" begins. */
export function monthStart(month: string, z = zone): Date {
  const bounds = dayBounds(`${month}-01`, z);
  if (!bounds) throw new Error(`Not a month: ${month}`);
  return bounds.start;
}

/** The same local wall time n days later (a 09:00 class stays at 09:00 across a DST change). */
export function addLocalDaysAt(at: Instant, n: number, z = zone): Date {
  return new Date(addDays(new Date(at), n, inZone(z)).getTime());
}

/** The day n months later (or earlier); the 31st becomes the month's last day. */
export function addLocalMonths(day: string, n: number): string {
  const [y, mo, d] = dayParts(day);
  const first = new Date(Date.UTC(y, mo + n, 1));
  const last = daysInMonth(first.getUTCFullYear(), first.getUTCMonth());
  return utcDay(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}
