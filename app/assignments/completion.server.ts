// Completion as SQL: a course is completed by its lesson (completedAt, set once the quiz is passed)
// or by attending (present or late) a delivered class of it — a class of the course itself or a
// merged class of its whole series. A series is completed when every course of it in the library is.
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";

/** SQL condition: the course row `c` is in the library (accepted, with a live version). */
export const LIBRARY_SQL = Prisma.sql`c."status" = 'accepted' AND c."currentVersionId" IS NOT NULL`;

/**
 * Every completion of a course: (userId, courseId, at). `users` narrows it (a subquery of user
 * ids), so callers never read the whole table.
 */
export function completionsSql(users: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT p."userId" AS "userId", p."courseId" AS "courseId", p."completedAt" AS "at"
      FROM "CourseProgress" p
     WHERE p."completedAt" IS NOT NULL AND p."userId" IN (${users})
    UNION ALL ${attendedSql(users)}`;
}

/** The completions by attending a delivered class only: (userId, courseId, at). */
export function attendedSql(users: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT sa."userId" AS "userId", s."courseId" AS "courseId", COALESCE(s."deliveredAt", s."startsAt") AS "at"
      FROM "SessionAttendee" sa JOIN "TrainingSession" s ON s."id" = sa."sessionId"
     WHERE sa."attendance" IN ('present', 'late') AND s."status" IN ('delivered', 'archived')
       AND s."courseId" IS NOT NULL AND sa."userId" IN (${users})
    UNION ALL
    SELECT sa."userId", sc."id", COALESCE(s."deliveredAt", s."startsAt")
      FROM "SessionAttendee" sa JOIN "TrainingSession" s ON s."id" = sa."sessionId"
      JOIN "Course" sc ON sc."seriesId" = s."seriesId"
     WHERE sa."attendance" IN ('present', 'late') AND s."status" IN ('delivered', 'archived')
       AND s."courseId" IS NULL AND s."seriesId" IS NOT NULL AND sa."userId" IN (${users})`;
}

export interface MemberRow {
  assignmentId: number;
  userId: number;
  /** Courses the assignment covers for this person, and how many of them are completed. */
  courses: number;
  doneCourses: number;
  /** The earliest of the latest completions of each course: when the whole lot was last done. */
  lastCompletedAt: Date | null;
  started: boolean;
}

/** Each member of the given assignments with their completion facts, aggregated in SQL. */
export async function memberFacts(assignmentIds: number[]): Promise<MemberRow[]> {
  if (assignmentIds.length === 0) return [];
  const ids = Prisma.join(assignmentIds);
  const users = Prisma.sql`SELECT "userId" FROM "AssignmentMember" WHERE "assignmentId" IN (${ids})`;
  const rows = await db.$queryRaw<
    {
      assignmentId: number;
      userId: number;
      courses: number;
      doneCourses: number;
      lastAt: string | Date | null;
      started: number;
    }[]
  >`
    WITH ac AS (
      SELECT a."id" AS "assignmentId", m."userId" AS "userId", c."id" AS "courseId"
        FROM "Assignment" a
        JOIN "AssignmentMember" m ON m."assignmentId" = a."id"
        JOIN "Course" c ON (c."id" = a."courseId" OR (a."courseId" IS NULL AND c."seriesId" = a."seriesId" AND ${LIBRARY_SQL}))
       WHERE a."id" IN (${ids})
    ),
    comp AS (
      SELECT "userId", "courseId", MAX("at") AS "lastAt" FROM (${completionsSql(users)}) AS done GROUP BY "userId", "courseId"
    ),
    per AS (
      SELECT ac."assignmentId", ac."userId", ac."courseId", comp."lastAt" AS "lastAt",
             CASE WHEN EXISTS (SELECT 1 FROM "CourseProgress" p WHERE p."userId" = ac."userId" AND p."courseId" = ac."courseId")
                  THEN 1 ELSE 0 END AS "started"
        FROM ac LEFT JOIN comp ON comp."userId" = ac."userId" AND comp."courseId" = ac."courseId"
    )
    SELECT "assignmentId", "userId", COUNT(*) AS "courses", COUNT("lastAt") AS "doneCourses",
           CASE WHEN COUNT("lastAt") = COUNT(*) THEN MIN("lastAt") END AS "lastAt", MAX("started") AS "started"
      FROM per GROUP BY "assignmentId", "userId"`;
  return rows.map((r) => ({
    assignmentId: Number(r.assignmentId),
    userId: Number(r.userId),
    courses: Number(r.courses),
    doneCourses: Number(r.doneCourses),
    lastCompletedAt: r.lastAt ? new Date(r.lastAt) : null,
    started: Number(r.started) === 1 || Number(r.doneCourses) > 0,
  }));
}
