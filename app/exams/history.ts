// The history chart's series: one per exam (Chinese typing in characters a minute, English typing
// in words a minute and the response drill in seconds never share a line or an axis), one point
// a day — that day's latest score, rounded to one decimal.
import { localDay } from "~/lib/clock";
import { scoreUnit, type ScoreUnit } from "./result-view";

export interface DailyPoint {
  date: string;
  value: number;
}

export interface HistorySeries {
  exam: string;
  unit: ScoreUnit;
  points: DailyPoint[];
}

/** `results` in the order they were taken; a later result of the same day replaces an earlier one. */
export function dailySeries(results: readonly { exam: string; score: number; createdAt: Date }[]): HistorySeries[] {
  const byExam = new Map<string, Map<string, DailyPoint>>();
  for (const r of results) {
    const date = localDay(r.createdAt);
    const days = byExam.get(r.exam) ?? new Map<string, DailyPoint>();
    days.set(date, { date, value: Math.round(r.score * 10) / 10 });
    byExam.set(r.exam, days);
  }
  return [...byExam.keys()].sort().map((exam) => ({
    exam,
    unit: scoreUnit(exam),
    points: [...byExam.get(exam)!.values()],
  }));
}
