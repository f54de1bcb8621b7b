// Wall-clock times of the training centre for the workflow forms and pages. Forms send
// "YYYY-MM-DD" and "HH:mm" without a zone; the calendar itself lives in ~/lib/clock.
import * as clock from "~/lib/clock";
import { formatDate } from "~/lib/i18n/format";

export { dayBounds, localDay, weekStart } from "~/lib/clock";

/** "2026-12-01T09:00" or "2026-12-01" + "09:00" → the instant, or null when malformed. */
export function parseLocal(date: string, time?: string): Date | null {
  return time === undefined ? clock.parseLocalInput(date) : clock.parseLocal(date, time);
}

/** The instant as "YYYY-MM-DDTHH:mm" in the center's zone (for datetime-local inputs). */
export function toLocalInput(value: Date | string): string {
  return clock.localInput(value);
}

export function addDays(day: string, n: number): string {
  return clock.addLocalDays(day, n);
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
  return formatDate(value, locale, { ...opts, timeZone: clock.timeZone() });
}
