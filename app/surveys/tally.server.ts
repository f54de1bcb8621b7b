// Reading the survey figures in bulk. SQL adds up the SurveyTally rows (one per survey and team,
// kept in step on every write) into groups of month × kind × course × trainer, optionally also
// per survey and per team; SQLite packs the few hundred result rows into one JSON text, which
// costs far less to hand over than thousands of separate values.
import { Prisma } from "~/generated/prisma/client";
import { localDay, monthsBetween, monthStart } from "~/lib/clock";
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
  if (f.from) parts.push(Prisma.sql`s.heldOn >= ${storedInstant(f.from)}`);
  if (f.to) parts.push(Prisma.sql`s.heldOn < ${storedInstant(f.to)}`);
  if (f.surveyId !== undefined) parts.push(Prisma.sql`s.id = ${f.surveyId}`);
  if (f.surveyIds)
    parts.push(f.surveyIds.length ? Prisma.sql`s.id IN (${Prisma.join(f.surveyIds)})` : Prisma.sql`0 = 1`);
  if (f.sessionId !== undefined) parts.push(Prisma.sql`s.sessionId = ${f.sessionId}`);
  if (f.courseId !== undefined) parts.push(Prisma.sql`s.courseId = ${f.courseId}`);
  if (f.seriesId !== undefined) parts.push(Prisma.sql`s.seriesId = ${f.seriesId}`);
  if (f.area) parts.push(Prisma.sql`s.area = ${f.area}`);
  if (f.trainerId !== undefined) parts.push(Prisma.sql`s.trainerId = ${f.trainerId}`);
  if (f.kind) parts.push(Prisma.sql`s.kind = ${f.kind}`);
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
    .map((m, i) => Prisma.sql`WHEN s.heldOn < ${storedInstant(monthStart(m))} THEN ${months[i]}`);
  if (!cases.length) return Prisma.sql`${months[0]}`;
  return Prisma.sql`CASE ${Prisma.join(cases, " ")} ELSE ${months[months.length - 1]} END`;
}

// The disclosure rule is applied to each tally row (one survey × team) before anything is added
// up: a withheld cell adds its invitations and its number of responses, never its answers.
const RELEASED = cellReleasedSql("t", "s");
const SUMS = Prisma.raw(
  [
    "SUM(t.invited)",
    "SUM(t.responses)",
    ...COUNT_COLUMNS.map((c) => `SUM(CASE WHEN ${RELEASED} THEN t.${c} ELSE 0 END)`),
  ].join(", "),
);
const WITHHELD = Prisma.raw(`SUM(CASE WHEN ${RELEASED} THEN 0 ELSE t.responses END)`);

export async function tallyCells(filter: SurveyFilter, by: { survey?: boolean; team?: boolean } = {}): Promise<Cell[]> {
  const surveyKey = by.survey ? Prisma.sql`s.id` : Prisma.sql`NULL`;
  const teamKey = by.team ? Prisma.sql`t.teamId` : Prisma.sql`NULL`;
  const month = monthBucket(filter);
  const rows = await db.$queryRaw<{ cells: string | null }[]>`
    SELECT json_group_array(json(c)) AS cells FROM (
      SELECT json_array(s.kind, s.courseId, s.trainerId, s.anonymous, ${month}, ${surveyKey}, ${teamKey}, ${SUMS}, s.seriesId, ${WITHHELD}) AS c
      FROM SurveyTally t JOIN Survey s ON s.id = t.surveyId
      WHERE ${surveyWhere(filter, Prisma.sql`t.teamId`)}
      GROUP BY s.kind, s.courseId, s.seriesId, s.trainerId, s.anonymous, ${month}, ${surveyKey}, ${teamKey}
    )`;
  const packed = JSON.parse(rows[0]?.cells ?? "[]") as (string | number | null)[][];
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
