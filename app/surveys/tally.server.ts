// Reading the survey figures in bulk. SQL adds up the SurveyTally rows (one per survey and team,
// kept in step on every write) into groups of month × kind × course × trainer, optionally also
// per survey and per team; the database packs the few hundred result rows into one JSON text, which
// costs far less to hand over than thousands of separate values.
import { Prisma } from "~/generated/prisma/client";
import { localDay, monthsBetween, monthStart } from "~/lib/clock";
import { jsonArray, jsonRows, parseJson } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { cellReleasedSql } from "./disclosure";
import { emptyTally, ITEMS, type Tally } from "./figures";
import { COUNT_COLUMNS } from "./tally-sql";

export interface SurveyFilter {
  /** Sessions held on or after this instant. */
  from?: Date;
  /** Sessions held before this instant. */
  to?: Date;
  surveyId?: number;
  surveyIds?: number[];
  sessionId?: number;
  courseId?: number;
  seriesId?: number;
  area?: string;
  trainerId?: number;
  teamId?: number;
  kind?: "micro" | "other";
}

export interface Cell {
  kind: string;
  courseId: number | null;
  seriesId: number | null;
  trainerId: number;
  anonymous: boolean;
  /** Local month "YYYY-MM" the session was held in; null when the filter has no date range. */
  month: string | null;
  /** Only when grouped by survey. */
  surveyId: number | null;
  /** Only when grouped by team (null: no team). */
  teamId: number | null;
  tally: Tally;
}

// DateTime columns hold the adapter's text form ("…T00:30:00.000+00:00"); compare like with like.
export const storedInstant = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** WHERE clause over Survey s (and, for the team, the given team column). */
export function surveyWhere(f: SurveyFilter, teamColumn: Prisma.Sql): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (f.from) parts.push(Prisma.sql`s."heldOn" >= ${storedInstant(f.from)}`);
  if (f.to) parts.push(Prisma.sql`s."heldOn" < ${storedInstant(f.to)}`);
  if (f.surveyId !== undefined) parts.push(Prisma.sql`s."id" = ${f.surveyId}`);
  if (f.surveyIds)
    parts.push(f.surveyIds.length ? Prisma.sql`s."id" IN (${Prisma.join(f.surveyIds)})` : Prisma.sql`0 = 1`);
  if (f.sessionId !== undefined) parts.push(Prisma.sql`s."sessionId" = ${f.sessionId}`);
  if (f.courseId !== undefined) parts.push(Prisma.sql`s."courseId" = ${f.courseId}`);
  if (f.seriesId !== undefined) parts.push(Prisma.sql`s."seriesId" = ${f.seriesId}`);
  if (f.area) parts.push(Prisma.sql`s."area" = ${f.area}`);
  if (f.trainerId !== undefined) parts.push(Prisma.sql`s."trainerId" = ${f.trainerId}`);
  if (f.kind) parts.push(Prisma.sql`s."kind" = ${f.kind}`);
  if (f.teamId !== undefined) parts.push(Prisma.sql`${teamColumn} = ${f.teamId}`);
  return Prisma.join(parts, " AND ");
}

/**
 * The local month of s.heldOn as SQL. Months begin at local midnight in the configured zone, which
 * SQLite's date functions cannot know; the month starts of the range are worked out here instead,
 * and each stored instant falls into the last month that began at or before it.
 */
export function monthBucket(f: SurveyFilter): Prisma.Sql {
  if (!f.from || !f.to) return Prisma.sql`NULL`;
  const months = monthsBetween(localDay(f.from), localDay(new Date(f.to.getTime() - 1)));
  const cases = months
    .slice(1)
    .map((m, i) => Prisma.sql`WHEN s."heldOn" < ${storedInstant(monthStart(m))} THEN CAST(${months[i]} AS TEXT)`);
  if (!cases.length) return Prisma.sql`CAST(${months[0]} AS TEXT)`;
  return Prisma.sql`CASE ${Prisma.join(cases, " ")} ELSE CAST(${months[months.length - 1]} AS TEXT) END`;
}

// The disclosure rule is applied to each tally row (one survey × team) before anything is added
// up: a withheld cell adds its invitations and its number of responses, never its answers. The
// keys are named in an inner query and grouped outside it: PostgreSQL would not see the month
// CASE (its parameters numbered anew) in the select list as the same expression as in GROUP BY.
const RELEASED = cellReleasedSql("t", "s");
const ROW_COUNTS = Prisma.raw(
  [
    `t."invited" AS "invited"`,
    `t."responses" AS "responses"`,
    `CASE WHEN ${RELEASED} THEN 1 ELSE 0 END AS "released"`,
    ...COUNT_COLUMNS.map((c) => `t."${c}" AS "${c}"`),
  ].join(", "),
);
const SUMS = [
  Prisma.sql`SUM(x."invited")`,
  Prisma.sql`SUM(x."responses")`,
  ...COUNT_COLUMNS.map((c) => Prisma.raw(`SUM(CASE WHEN x."released" = 1 THEN x."${c}" ELSE 0 END)`)),
];
const WITHHELD = Prisma.sql`SUM(CASE WHEN x."released" = 1 THEN 0 ELSE x."responses" END)`;
const KEYS = Prisma.raw(
  `x."kind", x."courseId", x."seriesId", x."trainerId", x."anonymous", x."month", x."surveyKey", x."teamKey"`,
);

export async function tallyCells(filter: SurveyFilter, by: { survey?: boolean; team?: boolean } = {}): Promise<Cell[]> {
  const surveyKey = by.survey ? Prisma.sql`s."id"` : Prisma.sql`CAST(NULL AS INTEGER)`;
  const teamKey = by.team ? Prisma.sql`t."teamId"` : Prisma.sql`CAST(NULL AS INTEGER)`;
  const month = monthBucket(filter);
  const row = jsonArray([
    Prisma.sql`x."kind"`,
    Prisma.sql`x."courseId"`,
    Prisma.sql`x."trainerId"`,
    Prisma.sql`x."anonymous"`,
    Prisma.sql`x."month"`,
    Prisma.sql`x."surveyKey"`,
    Prisma.sql`x."teamKey"`,
    ...SUMS,
    Prisma.sql`x."seriesId"`,
    WITHHELD,
  ]);
  const rows = await db.$queryRaw<{ cells: unknown }[]>`
    SELECT ${jsonRows(Prisma.sql`g.c`)} AS "cells" FROM (
      SELECT ${row} AS c FROM (
        SELECT s."kind" AS "kind", s."courseId" AS "courseId", s."seriesId" AS "seriesId", s."trainerId" AS "trainerId",
               s."anonymous" AS "anonymous", ${month} AS "month", ${surveyKey} AS "surveyKey", ${teamKey} AS "teamKey",
               ${ROW_COUNTS}
          FROM "SurveyTally" t JOIN "Survey" s ON s."id" = t."surveyId"
         WHERE ${surveyWhere(filter, Prisma.sql`t."teamId"`)}
      ) AS x
      GROUP BY ${KEYS}
    ) AS g`;
  const packed = parseJson<(string | number | boolean | null)[][]>(rows[0]?.cells, []);
  return packed.map((r) => {
    const tally = emptyTally();
    tally.invited = Number(r[7]);
    tally.responses = Number(r[8]);
    let i = 9;
    for (const item of ITEMS) for (let k = 0; k < 5; k++) tally.dist[item][k] = Number(r[i++]);
    tally.promoters = Number(r[i++]);
    tally.passives = Number(r[i++]);
    tally.detractors = Number(r[i++]);
    const seriesId = r[i] === null || r[i] === undefined ? null : Number(r[i]);
    tally.withheld = Number(r[i + 1] ?? 0);
    const anonymous = Number(r[3]) === 1;
    if (anonymous) tally.anonymous = tally.responses - tally.withheld;
    return {
      kind: String(r[0]),
      courseId: r[1] === null ? null : Number(r[1]),
      seriesId,
      trainerId: Number(r[2]),
      anonymous,
      month: r[4] === null ? null : String(r[4]),
      surveyId: r[5] === null ? null : Number(r[5]),
      teamId: r[6] === null || Number(r[6]) === 0 ? null : Number(r[6]),
      tally,
    };
  });
}
