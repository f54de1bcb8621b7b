// Coverage: teams × courses with completed / in progress / not started / overdue counts. One
// grouped SQL statement counts them; nothing loads the progress rows into JavaScript, and only
// the person × course pairs with something on record are visited (the rest are "not started").
import { Prisma } from "~/generated/prisma/client";
import { dayBounds, localDay, localInput, parseLocalInput } from "~/lib/clock";
import { greatest, localDayAfterMonths } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { attendedSql, LIBRARY_SQL } from "./completion.server";
import type { MemberState } from "./rules";

export interface CoverageFilter {
  /** The teams the viewer may see (a lead: their own); null = every team. */
  teamIds: number[] | null;
  team?: number;
  area?: string;
  series?: number;
  from?: string;
  to?: string;
  assignedOnly?: boolean;
}

export const STATES: MemberState[] = ["done", "progress", "new", "overdue"];

/** A grid cell's key is team id × CELL_KEY + course id (course ids stay below it). */
const CELL_KEY = Prisma.raw("1048576");

/** Minutes the configured zone is ahead of UTC at `now`, so SQLite can name local days. */
function zoneOffsetMinutes(now: Date): number {
  const local = parseLocalInput(localInput(now), "UTC");
  return local ? Math.round((local.getTime() - now.getTime()) / 60_000) : 0;
}

/**
 * The CTEs `m` (the people kept, with their team), `c` (the courses kept) and `facts`: one row per
 * person × course that has anything on record (progress, a completion, an assignment), already
 * aggregated. A person × course with no row in `facts` is simply "not started", so callers count
 * those from the team sizes instead of building every person × course pair. `xfacts` holds only
 * the pairs with a class or an assignment, their progress looked up along the index, for the grid.
 * `narrowTeam` keeps one team's people only (the drill-down).
 */
function factsSql(f: CoverageFilter, narrowTeam?: number): Prisma.Sql {
  const teams: Prisma.Sql[] = [];
  if (f.teamIds)
    teams.push(f.teamIds.length ? Prisma.sql`u."teamId" IN (${Prisma.join(f.teamIds)})` : Prisma.sql`1 = 0`);
  if (f.team) teams.push(Prisma.sql`u."teamId" = ${f.team}`);
  if (narrowTeam !== undefined) teams.push(Prisma.sql`u."teamId" = ${narrowTeam}`);
  const courses: Prisma.Sql[] = [LIBRARY_SQL];
  if (f.area) courses.push(Prisma.sql`c."area" = ${f.area}`);
  if (f.series) courses.push(Prisma.sql`c."seriesId" = ${f.series}`);
  const from = f.from ? dayBounds(f.from)?.start : undefined;
  const to = f.to ? dayBounds(f.to)?.end : undefined;
  const inRange = (at: Prisma.Sql) => {
    const range: Prisma.Sql[] = [Prisma.sql`${at} IS NOT NULL`];
    if (from) range.push(Prisma.sql`${at} >= ${from}`);
    if (to) range.push(Prisma.sql`${at} < ${to}`);
    return Prisma.join(range, " AND ");
  };
  const users = Prisma.sql`SELECT u."id" FROM "User" u WHERE u."active" AND u."teamId" IS NOT NULL ${teams.length ? Prisma.sql`AND ${Prisma.join(teams, " AND ")}` : Prisma.empty}`;
  // Progress rows are grouped along their (userId, courseId, completedAt) index, without a sort;
  // attended classes and assignments are few and grouped apart, then joined on.
  return Prisma.sql`
    m AS (SELECT u."id" AS "userId", u."teamId" AS "teamId" FROM "User" u WHERE u."id" IN (${users})),
    c AS (SELECT c."id" AS "courseId", c."seriesId" AS "seriesId" FROM "Course" c WHERE ${Prisma.join(courses, " AND ")}),
    prog AS (
      SELECT p."userId" AS "userId", p."courseId" AS "courseId",
             MAX(CASE WHEN ${inRange(Prisma.sql`p."completedAt"`)} THEN p."completedAt" END) AS "at"
        FROM "CourseProgress" p WHERE p."userId" IN (${users}) GROUP BY p."userId", p."courseId"
    ),
    extra AS (
      SELECT "userId", "courseId", MAX("at") AS "at", MIN("dueDay") AS "dueDay", MIN("refreshMonths") AS "refreshMonths",
             MAX("assigned") AS "assigned"
        FROM (
          SELECT "userId", "courseId", "at", NULL AS "dueDay", NULL AS "refreshMonths", 0 AS "assigned"
            FROM (${attendedSql(users)}) AS attended WHERE ${inRange(Prisma.sql`"at"`)}
          UNION ALL
          SELECT am."userId", c."courseId", NULL, a."dueDay", a."refreshMonths", 1
            FROM "Assignment" a JOIN "AssignmentMember" am ON am."assignmentId" = a."id"
            JOIN c ON (c."courseId" = a."courseId" OR (a."courseId" IS NULL AND c."seriesId" = a."seriesId"))
           WHERE a."withdrawnAt" IS NULL AND am."userId" IN (${users})
        ) AS parts
       GROUP BY "userId", "courseId"
    ),
    facts AS (
      SELECT p."userId" AS "userId", p."courseId" AS "courseId",
             COALESCE(${greatest(Prisma.sql`p."at"`, Prisma.sql`x."at"`)}, p."at", x."at") AS "lastAt",
             1 AS "started", x."dueDay" AS "dueDay", x."refreshMonths" AS "refreshMonths",
             COALESCE(x."assigned", 0) AS "assigned"
        FROM prog p LEFT JOIN extra x ON x."userId" = p."userId" AND x."courseId" = p."courseId"
      UNION ALL
      SELECT x."userId", x."courseId", x."at", 0, x."dueDay", x."refreshMonths", x."assigned"
        FROM extra x
       WHERE NOT EXISTS (SELECT 1 FROM "CourseProgress" p WHERE p."userId" = x."userId" AND p."courseId" = x."courseId")
    ),
    xfacts AS (
      SELECT x."userId" AS "userId", x."courseId" AS "courseId", x."dueDay" AS "dueDay", x."refreshMonths" AS "refreshMonths",
             x."assigned" AS "assigned", x."at" AS "extraAt",
             (SELECT MAX(CASE WHEN ${inRange(Prisma.sql`p."completedAt"`)} THEN p."completedAt" END)
                FROM "CourseProgress" p WHERE p."userId" = x."userId" AND p."courseId" = x."courseId") AS "progAt",
             CASE WHEN EXISTS (SELECT 1 FROM "CourseProgress" p WHERE p."userId" = x."userId" AND p."courseId" = x."courseId")
                  THEN 1 ELSE 0 END AS "started"
        FROM extra x
    )`;
}

/** SQL: the state of a person × course from its `facts` row `f` (all NULL when there is none). */
function stateSql(now: Date): Prisma.Sql {
  const today = localDay(now);
  const dueAgain = localDayAfterMonths(Prisma.sql`f."lastAt"`, Prisma.sql`f."refreshMonths"`, zoneOffsetMinutes(now));
  return Prisma.sql`CASE
      WHEN f."lastAt" IS NOT NULL AND (f."refreshMonths" IS NULL OR ${dueAgain} > ${today}) THEN 'done'
      WHEN f."dueDay" IS NOT NULL AND ${today} > ${greatest(Prisma.sql`f."dueDay"`, Prisma.sql`COALESCE(${dueAgain}, '')`)} THEN 'overdue'
      WHEN f."started" = 1 THEN 'progress'
      ELSE 'new'
    END`;
}

export interface CoverageCell {
  teamId: number;
  teamName: string;
  courseId: number;
  titleZh: string;
  titleEn: string;
  counts: Record<MemberState, number>;
  total: number;
}

// Grids being computed, by filter and day: requests asking the same while one runs share it
// (the query holds the server's thread for a while; ten at once used to queue for seconds).
const inFlight = new Map<string, Promise<CoverageCell[]>>();

/** The grid: one row per team × course that has people in it, counts by state. */
export function coverage(f: CoverageFilter, now = new Date()): Promise<CoverageCell[]> {
  const key = JSON.stringify([f, localDay(now), zoneOffsetMinutes(now)]);
  let grid = inFlight.get(key);
  if (!grid) {
    grid = computeCoverage(f, now).finally(() => inFlight.delete(key));
    inFlight.set(key, grid);
  }
  return grid;
}

async function computeCoverage(f: CoverageFilter, now: Date): Promise<CoverageCell[]> {
  // The bulk — person × course pairs with progress and nothing else on record (no class, no
  // assignment) — is either done or in progress: `plain` counts those per team × course in one
  // pass over the progress index. The few pairs with a class or an assignment (`xfacts`) get the
  // full state rule, and replace their plain counts. Without the "assigned only" filter every
  // person of a team counts in each course; the rest are "not started": the team's size minus the
  // other three counts. Cells are keyed by one integer (team, course) so SQLite's grouping sorts
  // a single number per row.
  // The team id is widened first: PostgreSQL's INTEGER is 32-bit and the key is not.
  const key = (team: Prisma.Sql, course: Prisma.Sql) => Prisma.sql`(CAST(${team} AS BIGINT) * ${CELL_KEY} + ${course})`;
  const grid = f.assignedOnly
    ? Prisma.sql`SELECT "k", "xNew" AS "nNew", "xDone" AS "nDone", "xProgress" AS "nProgress", "xOverdue" AS "nOverdue", "n" AS "total"
         FROM xcounted`
    : Prisma.sql`SELECT ${key(Prisma.sql`s."teamId"`, Prisma.sql`c."courseId"`)} AS "k",
         s."n" - COALESCE(k."nDone" + k."nProgress" + k."nOverdue", 0) AS "nNew", COALESCE(k."nDone", 0) AS "nDone",
         COALESCE(k."nProgress", 0) AS "nProgress", COALESCE(k."nOverdue", 0) AS "nOverdue", s."n" AS "total"
         FROM sizes s CROSS JOIN c LEFT JOIN counted k ON k."k" = ${key(Prisma.sql`s."teamId"`, Prisma.sql`c."courseId"`)}`;
  const rows = await db.$queryRaw<
    {
      teamId: number;
      teamName: string;
      courseId: number;
      titleZh: string;
      titleEn: string;
      nNew: number;
      nDone: number;
      nProgress: number;
      nOverdue: number;
      total: number;
    }[]
  >`
    WITH ${factsSql(f)},
    plain AS (
      SELECT ${key(Prisma.sql`u."teamId"`, Prisma.sql`p."courseId"`)} AS "k", COUNT(*) AS "n", COUNT(p."at") AS "nDone"
        FROM prog p JOIN "User" u ON u."id" = p."userId"
       WHERE p."courseId" IN (SELECT "courseId" FROM c)
       GROUP BY ${key(Prisma.sql`u."teamId"`, Prisma.sql`p."courseId"`)}
    ),
    xstates AS (
      SELECT ${key(Prisma.sql`m."teamId"`, Prisma.sql`f."courseId"`)} AS "k", f."started" AS "started", f."progAt" AS "progAt",
             ${stateSql(now)} AS "state"
        FROM (SELECT x.*, COALESCE(${greatest(Prisma.sql`x."progAt"`, Prisma.sql`x."extraAt"`)}, x."progAt", x."extraAt") AS "lastAt"
                FROM xfacts x) f
        JOIN m ON m."userId" = f."userId" JOIN c ON c."courseId" = f."courseId"
       WHERE ${f.assignedOnly ? Prisma.sql`f."assigned" = 1` : Prisma.sql`1 = 1`}
    ),
    xcounted AS (
      SELECT "k", COUNT(*) AS "n",
             SUM(CASE WHEN "started" = 1 AND "progAt" IS NOT NULL THEN 1 ELSE 0 END) AS "plainDone",
             SUM(CASE WHEN "started" = 1 AND "progAt" IS NULL THEN 1 ELSE 0 END) AS "plainProgress",
             SUM(CASE WHEN "state" = 'new' THEN 1 ELSE 0 END) AS "xNew",
             SUM(CASE WHEN "state" = 'done' THEN 1 ELSE 0 END) AS "xDone",
             SUM(CASE WHEN "state" = 'progress' THEN 1 ELSE 0 END) AS "xProgress",
             SUM(CASE WHEN "state" = 'overdue' THEN 1 ELSE 0 END) AS "xOverdue"
        FROM xstates GROUP BY "k"
    ),
    counted AS (
      SELECT "k", SUM("nDone") AS "nDone", SUM("nProgress") AS "nProgress", SUM("nOverdue") AS "nOverdue"
        FROM (
          SELECT "k", "nDone", "n" - "nDone" AS "nProgress", 0 AS "nOverdue" FROM plain
          UNION ALL
          SELECT "k", "xDone" - "plainDone", "xProgress" - "plainProgress", "xOverdue" FROM xcounted
        ) u
       GROUP BY "k"
    ),
    sizes AS (SELECT "teamId", COUNT(*) AS "n" FROM m GROUP BY "teamId"),
    grid AS (${grid})
    SELECT t."id" AS "teamId", t."name" AS "teamName", co."id" AS "courseId", co."titleZh" AS "titleZh",
           co."titleEn" AS "titleEn", g."nNew" AS "nNew", g."nDone" AS "nDone", g."nProgress" AS "nProgress",
           g."nOverdue" AS "nOverdue", g."total" AS "total"
      FROM grid g JOIN "Team" t ON t."id" = g."k" / ${CELL_KEY} JOIN "Course" co ON co."id" = g."k" % ${CELL_KEY}
     ORDER BY t."name", co."slug"`;
  return rows.map((r) => ({
    teamId: Number(r.teamId),
    teamName: r.teamName,
    courseId: Number(r.courseId),
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    counts: { done: Number(r.nDone), progress: Number(r.nProgress), new: Number(r.nNew), overdue: Number(r.nOverdue) },
    total: Number(r.total),
  }));
}

/** The people of one cell, for the drill-down. */
export async function coveragePeople(f: CoverageFilter, teamId: number, courseId: number, now = new Date()) {
  const rows = await db.$queryRaw<
    {
      userId: number;
      name: string;
      employeeNo: string;
      state: MemberState;
      lastAt: string | Date | null;
      dueDay: string | null;
    }[]
  >`
    WITH ${factsSql(f, teamId)}
    SELECT m."userId", u."name", u."employeeNo", ${stateSql(now)} AS "state", f."lastAt", f."dueDay"
      FROM m JOIN c ON c."courseId" = ${courseId}
      LEFT JOIN facts f ON f."userId" = m."userId" AND f."courseId" = c."courseId"
      JOIN "User" u ON u."id" = m."userId"
     WHERE ${f.assignedOnly ? Prisma.sql`f."assigned" = 1` : Prisma.sql`1 = 1`}
     ORDER BY u."name"`;
  return rows.map((r) => ({
    id: Number(r.userId),
    name: r.name,
    employeeNo: r.employeeNo,
    state: r.state,
    completedOn: r.lastAt ? localDay(new Date(r.lastAt)) : null,
    dueDay: r.dueDay,
  }));
}
