// Coverage: teams × courses with completed / in progress / not started / overdue counts. One
// grouped SQL statement builds every person × course cell and counts them; nothing loads the
// progress rows into JavaScript.
import { Prisma } from "~/generated/prisma/client";
import { dayBounds, localDay, localInput, parseLocalInput } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { completionsSql, LIBRARY_SQL } from "./completion.server";
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

/** Minutes the configured zone is ahead of UTC at `now`, so SQLite can name local days. */
function zoneOffsetMinutes(now: Date): number {
  const local = parseLocalInput(localInput(now), "UTC");
  return local ? Math.round((local.getTime() - now.getTime()) / 60_000) : 0;
}

/** Every (teamId, courseId, userId, state) cell the filter keeps, as a CTE body. */
function cellsSql(f: CoverageFilter, now: Date): Prisma.Sql {
  const today = localDay(now);
  const offset = `${zoneOffsetMinutes(now) >= 0 ? "+" : ""}${zoneOffsetMinutes(now)} minutes`;
  const teams: Prisma.Sql[] = [];
  if (f.teamIds) teams.push(f.teamIds.length ? Prisma.sql`u.teamId IN (${Prisma.join(f.teamIds)})` : Prisma.sql`0`);
  if (f.team) teams.push(Prisma.sql`u.teamId = ${f.team}`);
  const courses: Prisma.Sql[] = [LIBRARY_SQL];
  if (f.area) courses.push(Prisma.sql`c.area = ${f.area}`);
  if (f.series) courses.push(Prisma.sql`c.seriesId = ${f.series}`);
  const from = f.from ? dayBounds(f.from)?.start : undefined;
  const to = f.to ? dayBounds(f.to)?.end : undefined;
  const range: Prisma.Sql[] = [Prisma.sql`1`];
  if (from) range.push(Prisma.sql`at >= ${from}`);
  if (to) range.push(Prisma.sql`at < ${to}`);
  const users = Prisma.sql`SELECT u.id FROM User u WHERE u.active = 1 AND u.teamId IS NOT NULL ${teams.length ? Prisma.sql`AND ${Prisma.join(teams, " AND ")}` : Prisma.empty}`;
  return Prisma.sql`
    m AS (SELECT u.id AS userId, u.teamId AS teamId FROM User u WHERE u.id IN (${users})),
    c AS (SELECT c.id AS courseId, c.seriesId AS seriesId FROM Course c WHERE ${Prisma.join(courses, " AND ")}),
    done AS (
      SELECT userId, courseId, MAX(at) AS lastAt FROM (${completionsSql(users)})
       WHERE ${Prisma.join(range, " AND ")} GROUP BY userId, courseId
    ),
    started AS (SELECT DISTINCT p.userId, p.courseId FROM CourseProgress p WHERE p.userId IN (${users})),
    asg AS (
      SELECT am.userId AS userId, c.courseId AS courseId, MIN(a.dueDay) AS dueDay, MIN(a.refreshMonths) AS refreshMonths
        FROM Assignment a JOIN AssignmentMember am ON am.assignmentId = a.id
        JOIN c ON (c.courseId = a.courseId OR (a.courseId IS NULL AND c.seriesId = a.seriesId))
       WHERE a.withdrawnAt IS NULL GROUP BY am.userId, c.courseId
    ),
    cells AS (
      SELECT m.teamId AS teamId, c.courseId AS courseId, m.userId AS userId, d.lastAt AS lastAt, asg.dueDay AS dueDay,
        CASE
          WHEN d.lastAt IS NOT NULL AND (asg.refreshMonths IS NULL
                OR date(d.lastAt, '+' || asg.refreshMonths || ' months', ${offset}) > ${today}) THEN 'done'
          WHEN asg.dueDay IS NOT NULL AND ${today} > max(asg.dueDay,
                COALESCE(date(d.lastAt, '+' || asg.refreshMonths || ' months', ${offset}), '')) THEN 'overdue'
          WHEN s.userId IS NOT NULL THEN 'progress'
          ELSE 'new'
        END AS state
        FROM m CROSS JOIN c
        LEFT JOIN done d ON d.userId = m.userId AND d.courseId = c.courseId
        LEFT JOIN started s ON s.userId = m.userId AND s.courseId = c.courseId
        LEFT JOIN asg ON asg.userId = m.userId AND asg.courseId = c.courseId
       WHERE ${f.assignedOnly ? Prisma.sql`asg.userId IS NOT NULL` : Prisma.sql`1`}
    )`;
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

/** The grid: one row per team × course that has people in it, counts by state. */
export async function coverage(f: CoverageFilter, now = new Date()): Promise<CoverageCell[]> {
  const rows = await db.$queryRaw<
    {
      teamId: number;
      teamName: string;
      courseId: number;
      titleZh: string;
      titleEn: string;
      state: MemberState;
      n: number;
    }[]
  >`
    WITH ${cellsSql(f, now)},
    grouped AS (SELECT teamId, courseId, state, COUNT(*) AS n FROM cells GROUP BY teamId, courseId, state)
    SELECT g.teamId, t.name AS teamName, g.courseId, co.titleZh, co.titleEn, g.state, g.n
      FROM grouped g JOIN Team t ON t.id = g.teamId JOIN Course co ON co.id = g.courseId
     ORDER BY t.name, co.slug`;
  const out = new Map<string, CoverageCell>();
  for (const r of rows) {
    const key = `${r.teamId}:${r.courseId}`;
    let cell = out.get(key);
    if (!cell) {
      cell = {
        teamId: Number(r.teamId),
        teamName: r.teamName,
        courseId: Number(r.courseId),
        titleZh: r.titleZh,
        titleEn: r.titleEn,
        counts: { done: 0, progress: 0, new: 0, overdue: 0 },
        total: 0,
      };
      out.set(key, cell);
    }
    cell.counts[r.state] = Number(r.n);
    cell.total += Number(r.n);
  }
  return [...out.values()];
}

/** The people of one cell, for the drill-down. */
export async function coveragePeople(f: CoverageFilter, teamId: number, courseId: number, now = new Date()) {
  const rows = await db.$queryRaw<
    {
      userId: number;
      name: string;
      employeeNo: string;
      state: MemberState;
      lastAt: string | null;
      dueDay: string | null;
    }[]
  >`
    WITH ${cellsSql(f, now)}
    SELECT cells.userId, u.name, u.employeeNo, cells.state, cells.lastAt, cells.dueDay
      FROM cells JOIN User u ON u.id = cells.userId
     WHERE cells.teamId = ${teamId} AND cells.courseId = ${courseId}
     ORDER BY u.name`;
  return rows.map((r) => ({
    id: Number(r.userId),
    name: r.name,
    employeeNo: r.employeeNo,
    state: r.state,
    completedOn: r.lastAt ? localDay(new Date(r.lastAt)) : null,
    dueDay: r.dueDay,
  }));
}
