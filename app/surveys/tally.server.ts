// The one place that reads survey answers in bulk. SQL does the counting: one grouped scan of
// the responses and one of the invitations, each cut into cells of (survey, team). The reports
// then add cells together — a few thousand small rows instead of every response.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { emptyTally, ITEMS, type Tally } from "./figures";

export interface SurveyFilter {
  /** Sessions held on or after this instant. */
  from?: Date;
  /** Sessions held before this instant. */
  to?: Date;
  surveyId?: number;
  sessionId?: number;
  courseId?: number;
  seriesId?: number;
  area?: string;
  trainerId?: number;
  teamId?: number;
  kind?: "micro" | "other";
}

export interface Cell {
  surveyId: number;
  teamId: number | null;
  kind: string;
  courseId: number | null;
  seriesId: number | null;
  trainerId: number;
  anonymous: boolean;
  month: string;
  area: string;
  /** The session's start as stored (ISO text): sorts like the instant. */
  heldOn: string;
  tally: Tally;
}

// DateTime columns hold the adapter's text form ("…T00:30:00.000+00:00"); compare like with like.
export const storedInstant = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** WHERE clause over Survey s (and, for the team, the row's own teamId column). */
export function surveyWhere(f: SurveyFilter, teamColumn: Prisma.Sql): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (f.from) parts.push(Prisma.sql`s.heldOn >= ${storedInstant(f.from)}`);
  if (f.to) parts.push(Prisma.sql`s.heldOn < ${storedInstant(f.to)}`);
  if (f.surveyId !== undefined) parts.push(Prisma.sql`s.id = ${f.surveyId}`);
  if (f.sessionId !== undefined) parts.push(Prisma.sql`s.sessionId = ${f.sessionId}`);
  if (f.courseId !== undefined) parts.push(Prisma.sql`s.courseId = ${f.courseId}`);
  if (f.seriesId !== undefined) parts.push(Prisma.sql`s.seriesId = ${f.seriesId}`);
  if (f.area) parts.push(Prisma.sql`s.area = ${f.area}`);
  if (f.trainerId !== undefined) parts.push(Prisma.sql`s.trainerId = ${f.trainerId}`);
  if (f.kind) parts.push(Prisma.sql`s.kind = ${f.kind}`);
  if (f.teamId !== undefined) parts.push(Prisma.sql`${teamColumn} = ${f.teamId}`);
  return Prisma.join(parts, " AND ");
}

const SHORT: Record<(typeof ITEMS)[number], string> = { overall: "o", relevance: "r", helpful: "h", delivery: "d", pace: "p" };

// SUM(r.overall = 1) AS o1, … for every item and every point of the scale.
const distColumns = Prisma.raw(
  ITEMS.flatMap((item) => [1, 2, 3, 4, 5].map((k) => `SUM(r."${item}" = ${k}) AS ${SHORT[item]}${k}`)).join(", "),
);

type Row = Record<string, number | bigint | string | null>;
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function tallyCells(filter: SurveyFilter): Promise<Cell[]> {
  const [responses, invites] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT r.surveyId AS surveyId, r.teamId AS teamId, s.kind AS kind, s.courseId AS courseId, s.seriesId AS seriesId,
             s.trainerId AS trainerId, s.anonymous AS anonymous, substr(s.heldOn, 1, 7) AS month, s.area AS area, s.heldOn AS heldOn,
             COUNT(*) AS n, ${distColumns},
             SUM(r.recommend >= 9) AS promoters, SUM(r.recommend BETWEEN 7 AND 8) AS passives, SUM(r.recommend <= 6) AS detractors
      FROM SurveyResponse r JOIN Survey s ON s.id = r.surveyId
      WHERE ${surveyWhere(filter, Prisma.sql`r.teamId`)}
      GROUP BY r.surveyId, r.teamId`,
    db.$queryRaw<Row[]>`
      SELECT i.surveyId AS surveyId, i.teamId AS teamId, s.kind AS kind, s.courseId AS courseId, s.seriesId AS seriesId,
             s.trainerId AS trainerId, s.anonymous AS anonymous, substr(s.heldOn, 1, 7) AS month, s.area AS area, s.heldOn AS heldOn, COUNT(*) AS n
      FROM SurveyInvite i JOIN Survey s ON s.id = i.surveyId
      WHERE ${surveyWhere(filter, Prisma.sql`i.teamId`)}
      GROUP BY i.surveyId, i.teamId`,
  ]);
  const cells = new Map<string, Cell>();
  const cellOf = (row: Row) => {
    const key = `${row.surveyId}:${row.teamId ?? ""}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        surveyId: num(row.surveyId),
        teamId: row.teamId === null ? null : num(row.teamId),
        kind: String(row.kind),
        courseId: row.courseId === null ? null : num(row.courseId),
        seriesId: row.seriesId === null ? null : num(row.seriesId),
        trainerId: num(row.trainerId),
        anonymous: num(row.anonymous) === 1,
        month: String(row.month),
        area: String(row.area ?? ""),
        heldOn: String(row.heldOn),
        tally: emptyTally(),
      };
      cells.set(key, cell);
    }
    return cell;
  };
  for (const row of responses) {
    const t = cellOf(row).tally;
    t.responses = num(row.n);
    if (num(row.anonymous) === 1) t.anonymous = t.responses;
    for (const item of ITEMS) for (let k = 1; k <= 5; k++) t.dist[item][k - 1] = num(row[`${SHORT[item]}${k}`]);
    t.promoters = num(row.promoters);
    t.passives = num(row.passives);
    t.detractors = num(row.detractors);
  }
  for (const row of invites) cellOf(row).tally.invited = num(row.n);
  return [...cells.values()];
}
