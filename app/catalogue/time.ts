// "5 × 1 h = 1 day": a series' total teaching time, in the units trainers plan with.
export type TimeLabel = { key: string; count: number };

const DAY = 300;

export function durationLabel(minutes: number): TimeLabel {
  if (minutes >= DAY && minutes % DAY === 0)
    return minutes === DAY
      ? { key: "catalogue:time.day", count: 1 }
      : { key: "catalogue:time.days", count: minutes / DAY };
  if (minutes % 60 === 0) return { key: "catalogue:time.hours", count: minutes / 60 };
  return { key: "catalogue:time.minutes", count: minutes };
}

/**
 * A training day is five one-hour modules (the morning-class plan in DOMAIN.md); other totals
 * are given in hours or minutes (a 2–3-hour session is not "half a day", decision 017).
 */
export function seriesTotal(durations: number[]): { uniform: boolean; each: TimeLabel; total: TimeLabel } {
  const sum = durations.reduce((a, b) => a + b, 0);
  const uniform = durations.length > 0 && durations.every((d) => d === durations[0]);
  return { uniform, each: durationLabel(durations[0] ?? 0), total: durationLabel(sum) };
}
