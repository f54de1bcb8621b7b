// The history chart's series: one point a day, that day's latest typing speed and latest mean
// response time, rounded to one decimal.
import { localDay } from "~/lib/clock";

export interface DailyPoint {
  date: string;
  typing?: number;
  response?: number;
}

/** `results` in the order they were taken; a later result of the same day replaces an earlier one. */
export function dailyPoints(results: readonly { exam: string; score: number; createdAt: Date }[]): DailyPoint[] {
  const byDay = new Map<string, DailyPoint>();
  for (const r of results) {
    const date = localDay(r.createdAt);
    const point = byDay.get(date) ?? { date };
    point[r.exam === "response" ? "response" : "typing"] = Math.round(r.score * 10) / 10;
    byDay.set(date, point);
  }
  return [...byDay.values()];
}
