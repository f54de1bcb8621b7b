// Reading the dashboard's figures from the rollups: the whole months of the range from
// SurveyMonthRollup, the days of its partial first and last months from SurveyDayRollup. The rows
// read depend on the months, courses, trainers and teams in the range, not on the answers.
import { onPostgres, parseJson, withPgParams } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { emptyTally, ITEMS } from "./figures";
import { partialDays, wholeMonths } from "./range";
import { ROLLUP_COUNTS } from "./rollup-sql";
import type { SurveyFilter } from "./tally.server";

export interface RollupCell {
  kind: string;
  courseId: number | null;
  trainerId: number;
  month: string;
  tally: ReturnType<typeof emptyTally>;
}

type Filter = Pick<SurveyFilter, "seriesId" | "area" | "trainerId" | "teamId" | "kind" | "courseId">;

function conditions(f: Filter): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, v: string | number) => (parts.push(sql), params.push(v));
  if (f.seriesId !== undefined) add('"seriesId" = ?', f.seriesId);
  if (f.area) add('"area" = ?', f.area);
  if (f.trainerId !== undefined) add('"trainerId" = ?', f.trainerId);
  if (f.teamId !== undefined) add('"teamId" = ?', f.teamId);
  if (f.kind) add('"kind" = ?', f.kind);
  if (f.courseId !== undefined) add('"courseId" = ?', f.courseId);
  return { sql: parts.map((p) => ` AND ${p}`).join(""), params };
}

const SUMS = ROLLUP_COUNTS.map((c) => `SUM("${c}")`).join(", ");

/** Cells of month × kind × course × trainer over the days [from, to], filtered. */
export async function rollupCells(range: { from: string; to: string }, f: Filter): Promise<RollupCell[]> {
  const whole = wholeMonths(range.from, range.to);
  const where = conditions(f);
  const days = partialDays(range.from, range.to, whole);
  const selects: string[] = [];
  const jsonArray = onPostgres() ? "json_build_array" : "json_array";
  const params: (string | number)[] = [];
  if (whole.length) {
    selects.push(`SELECT ${jsonArray} ("month", "kind", "courseId", "trainerId", ${SUMS}) AS c FROM "SurveyMonthRollup"
      WHERE "month" IN (${whole.map(() => "?").join(", ")})${where.sql} GROUP BY "month", "kind", "courseId", "trainerId"`);
    params.push(...whole, ...where.params);
  }
  for (const [first, last] of days) {
    selects.push(`SELECT ${jsonArray} (substr("day", 1, 7), "kind", "courseId", "trainerId", ${SUMS}) AS c FROM "SurveyDayRollup"
      WHERE "day" >= ? AND "day" <= ?${where.sql} GROUP BY substr("day", 1, 7), "kind", "courseId", "trainerId"`);
    params.push(first, last, ...where.params);
  }
  const gather = onPostgres() ? "json_agg(c)" : "json_group_array(json(c))";
  const sql = `SELECT ${gather} AS cells FROM (${selects.join(" UNION ALL ")}) AS parts`;
  const rows = await db.$queryRawUnsafe<{ cells: unknown }[]>(withPgParams(sql), ...params);
  const packed = parseJson<(string | number)[][]>(rows[0]?.cells, []);
  return packed.map((r) => {
    const tally = emptyTally();
    const n = (i: number) => Number(r[i]);
    tally.invited = n(4);
    tally.responses = n(5);
    tally.withheld = n(6);
    tally.anonymous = n(7);
    let i = 8;
    for (const item of ITEMS) for (let k = 0; k < 5; k++) tally.dist[item][k] = n(i++);
    tally.promoters = n(i++);
    tally.passives = n(i++);
    tally.detractors = n(i);
    return { month: String(r[0]), kind: String(r[1]), courseId: n(2) === 0 ? null : n(2), trainerId: n(3), tally };
  });
}
