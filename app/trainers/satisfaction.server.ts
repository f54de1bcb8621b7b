// A trainer's satisfaction over time, from the survey tallies (added up in SQL, anonymous cells
// under the disclosure rule: see app/surveys/disclosure.ts).
import { addLocalDays, localDay, monthsBetween, monthStart, monthStartDay } from "~/lib/clock";
import { safeFiguresOf } from "~/surveys/disclosure";
import { rollup } from "~/surveys/rollup";
import { tallyCells } from "~/surveys/tally.server";

export const TREND_MONTHS = 12;

/** The last TREND_MONTHS months: satisfaction with the trainer's micro-courses and all their classes. */
export async function satisfactionTrend(trainerId: number, now = new Date()) {
  const today = localDay(now);
  const firstDay = monthStartDay(today, -(TREND_MONTHS - 1));
  const nextMonth = monthStartDay(today, 1);
  const from = monthStart(firstDay.slice(0, 7));
  const to = monthStart(nextMonth.slice(0, 7));
  const cells = await tallyCells({ trainerId, from, to });
  const all = rollup(cells, (c) => c.month);
  const micro = rollup(
    cells.filter((c) => c.kind === "micro"),
    (c) => c.month,
  );
  return monthsBetween(firstDay, addLocalDays(nextMonth, -1)).map((month) => {
    const a = all.get(month);
    const m = micro.get(month);
    const af = a ? safeFiguresOf(a) : null;
    const mf = m ? safeFiguresOf(m) : null;
    return {
      month,
      all: af && !af.suppressed ? af.satisfactionRate : null,
      micro: mf && !mf.suppressed ? mf.satisfactionRate : null,
      allN: af?.answered ?? 0,
      microN: mf?.answered ?? 0,
    };
  });
}
