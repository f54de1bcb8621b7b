// The SQL of the dashboard rollups (SurveyDayRollup, SurveyMonthRollup). Plain strings with `?`
// parameters, so the app (Prisma) and the bench (better-sqlite3) run the same statements. Names
// are quoted so the same text runs on PostgreSQL (the app numbers the `?` there: withPgParams).
import { cellReleasedSql } from "./disclosure";
import { COUNT_COLUMNS } from "./tally-sql";

export const ROLLUP_TABLES = { day: "SurveyDayRollup", month: "SurveyMonthRollup" } as const;
export type Grain = keyof typeof ROLLUP_TABLES;

const KEY = ["kind", "courseId", "seriesId", "area", "trainerId", "teamId"];
/** invited, responses, withheld, anonymous, then the answer counts. */
export const ROLLUP_COUNTS = ["invited", "responses", "withheld", "anonymous", ...COUNT_COLUMNS];

// A (survey, team) tally row as it counts in the rollups: answers of a withheld cell are left out.
const RELEASED = cellReleasedSql("t", "s");
const contribution = [
  `t."invited"`,
  `t."responses"`,
  `CASE WHEN ${RELEASED} THEN 0 ELSE t."responses" END`,
  `CASE WHEN s."anonymous" AND ${RELEASED} THEN t."responses" ELSE 0 END`,
  ...COUNT_COLUMNS.map((c) => `CASE WHEN ${RELEASED} THEN t."${c}" ELSE 0 END`),
];
const dimensions = `s."kind", COALESCE(s."courseId", 0), COALESCE(s."seriesId", 0), s."area", s."trainerId", t."teamId"`;
const q = (names: string[]) => names.map((n) => `"${n}"`).join(", ");

/**
 * Adds (sign 1) or takes away (sign -1) one survey's tally in a rollup. Parameters: the period
 * (local day or month of the session), the survey id. Run with -1 before the tally changes and
 * with 1 after, in the same transaction: the rollup then moves by exactly the change, whatever
 * it was (a new answer, an edited one, a cell reaching three anonymous answers, invitations).
 */
export function applySurveySql(grain: Grain, sign: 1 | -1): string {
  const period = grain === "day" ? "day" : "month";
  const cols = [period, ...KEY, ...ROLLUP_COUNTS];
  const table = `"${ROLLUP_TABLES[grain]}"`;
  return `INSERT INTO ${table} (${q(cols)})
    SELECT CAST(? AS TEXT), ${dimensions}, ${contribution.map((e) => `${sign} * (${e})`).join(", ")}
    FROM "SurveyTally" t JOIN "Survey" s ON s."id" = t."surveyId" WHERE s."id" = ?
    ON CONFLICT (${q([period, ...KEY])}) DO UPDATE SET ${ROLLUP_COUNTS.map((c) => `"${c}" = ${table}."${c}" + excluded."${c}"`).join(", ")}`;
}

/**
 * From scratch, for a rebuild: needs a temporary table SurveyPeriod (surveyId, day, month) that
 * holds each survey's local day and month (SQLite cannot work out days in a time zone).
 */
export function rebuildSql(grain: Grain): string[] {
  const period = grain === "day" ? "day" : "month";
  const cols = [period, ...KEY, ...ROLLUP_COUNTS];
  return [
    `DELETE FROM "${ROLLUP_TABLES[grain]}"`,
    `INSERT INTO "${ROLLUP_TABLES[grain]}" (${q(cols)})
     SELECT p."${period}", ${dimensions}, ${contribution.map((e) => `SUM(${e})`).join(", ")}
     FROM "SurveyTally" t JOIN "Survey" s ON s."id" = t."surveyId" JOIN "SurveyPeriod" p ON p."surveyId" = s."id"
     GROUP BY p."${period}", ${dimensions}`,
  ];
}
