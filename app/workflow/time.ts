// Wall-clock times in the call center's zone. Forms send "YYYY-MM-DD" and "HH:mm" without a zone;
// the center works on China Standard Time (UTC+8, no daylight saving), so that is fixed here.
import { formatDate } from "~/lib/i18n/format";

export const APP_TIME_ZONE = "Asia/Shanghai";
const OFFSET = "+08:00";
const OFFSET_MS = 8 * 3600_000;

/** "2026-12-01T09:00" or "2026-12-01" + "09:00" → the instant, or null when malformed. */
export function parseLocal(date: string, time?: string): Date | null {
  const text = time === undefined ? date : `${date}T${time}`;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${OFFSET}`);
  if (Number.isNaN(d.getTime())) return null;
  // Reject dates that rolled over (2026-02-30 becomes March 2nd in Date).
  return toLocalInput(d) === `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}` ? d : null;
}

/** The instant as "YYYY-MM-DDTHH:mm" in the center's zone (for datetime-local inputs). */
export function toLocalInput(value: Date | string): string {
  const d = new Date(new Date(value).getTime() + OFFSET_MS);
  return d.toISOString().slice(0, 16);
}

export function localDay(value: Date | string): string {
  return toLocalInput(value).slice(0, 10);
}

/** Start and end instants of a local day. */
export function dayBounds(day: string): { start: Date; end: Date } | null {
  const start = parseLocal(day, "00:00");
  if (!start) return null;
  return { start, end: new Date(start.getTime() + 24 * 3600_000) };
}

/** Monday of the local week that contains the day. */
export function weekStart(day: string): string {
  const start = parseLocal(day, "12:00")!;
  const weekday = (new Date(start.getTime() + OFFSET_MS).getUTCDay() + 6) % 7;
  return localDay(new Date(start.getTime() - weekday * 24 * 3600_000));
}

export function addDays(day: string, n: number): string {
  return localDay(new Date(parseLocal(day, "12:00")!.getTime() + n * 24 * 3600_000));
}

export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** A date and time as the training centre's clock shows it. */
export function formatSlot(
  value: Date | string,
  locale: "zh" | "en",
  opts: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" },
) {
  return formatDate(value, locale, { ...opts, timeZone: APP_TIME_ZONE });
}
