// A trainee's own rows for the home, read in one statement: the surveys to answer, the courses in
// progress and completed, the classes ahead, the training requests, the person's grade and team,
// the latest try of each exam of the plan and whether any assignment is open. Each panel used to
// read its part with its own queries (Prisma reads each relation with one more), about twenty a
// view. The parts are joined with UNION ALL under one set of columns; plain SQL for both engines.
import { Prisma } from "~/generated/prisma/client";
import { localDay, localTime } from "~/lib/clock";
import { onPostgres } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { UPCOMING_LIMIT } from "~/people/week.server";

type Row = {
  kind: string;
  id: number | bigint | null;
  slug: string | null;
  zh: string | null;
  en: string | null;
  t1: string | null;
  t2: string | null;
  t3: string | null;
  at1: unknown;
  at2: unknown;
  n: number | bigint | null;
};

const LEARNING_OPEN = 4;
const LEARNING_DONE = 6;
const WEEK_DONE = 20;
const SURVEYS = 20;
const REQUESTS = 8;

const text = Prisma.sql`CAST(NULL AS TEXT)`;
const int = Prisma.sql`CAST(NULL AS INTEGER)`;
// PostgreSQL wants every branch's column of one type; SQLite stores instants as text.
const noTime = () => (onPostgres() ? Prisma.sql`CAST(NULL AS TIMESTAMP(3))` : Prisma.sql`NULL`);
const instant = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const num = (v: number | bigint | null): number => Number(v ?? 0);

/** One statement; `withRequests` for users who may ask for training, `examKeys` of the plan. */
export async function traineeFacts(
  userId: number,
  opts: { withRequests: boolean; examKeys: string[] },
  now = new Date(),
) {
  const parts: Prisma.Sql[] = [
    Prisma.sql`SELECT * FROM (
      SELECT 'survey' AS "kind", s."id" AS "id", ${text} AS "slug",
        COALESCE(c."titleZh", ts."title") AS "zh", COALESCE(c."titleEn", ts."title") AS "en",
        ${text} AS "t1", ${text} AS "t2", ${text} AS "t3", s."closesAt" AS "at1", s."heldOn" AS "at2", ${int} AS "n"
      FROM "SurveyInvite" i
      JOIN "Survey" s ON s."id" = i."surveyId"
      JOIN "TrainingSession" ts ON ts."id" = s."sessionId"
      LEFT JOIN "Course" c ON c."id" = ts."courseId"
      WHERE i."userId" = ${userId} AND s."opensAt" <= ${now} AND s."closesAt" > ${now}
        AND NOT EXISTS (SELECT 1 FROM "SurveyReceipt" r WHERE r."surveyId" = s."id" AND r."userId" = ${userId})
      ORDER BY s."closesAt" ASC LIMIT ${SURVEYS}) AS "surveys"`,
    Prisma.sql`SELECT * FROM (
      SELECT 'open', p."id", c."slug", c."titleZh", c."titleEn", ${text}, ${text}, ${text},
        p."updatedAt", p."completedAt", p."percent"
      FROM "CourseProgress" p JOIN "Course" c ON c."id" = p."courseId"
      WHERE p."userId" = ${userId} AND p."completedAt" IS NULL AND c."status" <> 'retired'
        AND (p."percent" > 0 OR p."secondsSpent" > 0 OR p."quizBestScore" IS NOT NULL)
      ORDER BY p."updatedAt" DESC LIMIT ${LEARNING_OPEN}) AS "open"`,
    Prisma.sql`SELECT * FROM (
      SELECT 'done', p."id", c."slug", c."titleZh", c."titleEn", ${text}, ${text}, ${text},
        p."updatedAt", p."completedAt", p."percent"
      FROM "CourseProgress" p JOIN "Course" c ON c."id" = p."courseId"
      WHERE p."userId" = ${userId} AND p."completedAt" IS NOT NULL
      ORDER BY p."completedAt" DESC LIMIT ${WEEK_DONE}) AS "done"`,
    Prisma.sql`SELECT * FROM (
      SELECT 'class', ts."id", c."slug", COALESCE(c."titleZh", ts."title"), COALESCE(c."titleEn", ts."title"),
        ts."room", ts."onlineLink", u."name", ts."startsAt", ts."endsAt", ${int}
      FROM "TrainingSession" ts
      JOIN "User" u ON u."id" = ts."trainerId"
      LEFT JOIN "Course" c ON c."id" = ts."courseId"
      WHERE ts."status" = 'scheduled' AND ts."endsAt" > ${now}
        AND EXISTS (SELECT 1 FROM "SessionAttendee" a WHERE a."sessionId" = ts."id" AND a."userId" = ${userId})
      ORDER BY ts."startsAt" ASC LIMIT ${UPCOMING_LIMIT}) AS "classes"`,
    Prisma.sql`SELECT 'person', u."id", ${text}, u."name", u."grade", t."name",
        CASE WHEN u."active" THEN 'y' ELSE 'n' END, ${text}, ${noTime()}, ${noTime()}, u."teamId"
      FROM "User" u LEFT JOIN "Team" t ON t."id" = u."teamId"
      WHERE u."id" = ${userId}`,
    Prisma.sql`SELECT 'assigned', ${int}, ${text}, ${text}, ${text}, ${text}, ${text}, ${text}, ${noTime()}, ${noTime()}, COUNT(*)
      FROM "Assignment" a
      WHERE a."withdrawnAt" IS NULL
        AND EXISTS (SELECT 1 FROM "AssignmentMember" m WHERE m."assignmentId" = a."id" AND m."userId" = ${userId})`,
  ];
  if (opts.withRequests)
    parts.push(Prisma.sql`SELECT * FROM (
      SELECT 'request', r."id", ${text}, c."titleZh", c."titleEn", r."state", se."titleZh", se."titleEn",
        r."createdAt", ${noTime()}, r."headcount"
      FROM "TrainingRequest" r
      LEFT JOIN "Course" c ON c."id" = r."courseId"
      LEFT JOIN "Series" se ON se."id" = r."seriesId"
      WHERE r."requesterId" = ${userId}
        OR r."teamId" IN (SELECT tl."A" FROM "_TeamLeads" tl WHERE tl."B" = ${userId})
      ORDER BY r."createdAt" DESC LIMIT ${REQUESTS}) AS "requests"`);
  if (opts.examKeys.length)
    parts.push(Prisma.sql`SELECT 'try', ${int}, e."exam", ${text}, ${text}, ${text}, ${text}, ${text}, MAX(e."createdAt"), ${noTime()}, ${int}
      FROM "ExamResult" e
      WHERE e."userId" = ${userId} AND e."exam" IN (${Prisma.join(opts.examKeys)})
      GROUP BY e."exam"`);
  const rows = await db.$queryRaw<Row[]>(Prisma.join(parts, " UNION ALL "));
  return shape(rows);
}

function shape(rows: Row[]) {
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const progress = (r: Row) => ({
    id: num(r.id),
    slug: r.slug!,
    titleZh: r.zh!,
    titleEn: r.en!,
    percent: num(r.n),
    completedAt: r.at2 === null ? null : instant(r.at2).toISOString(),
  });
  const done = of("done");
  const finished = new Set(done.map((r) => r.slug));
  const seen = new Set<string>();
  // Profiles are of active people only.
  const person = of("person").find((r) => r.t2 === "y");
  return {
    surveys: of("survey").map((r) => ({
      id: num(r.id),
      closesAt: instant(r.at1),
      heldOn: instant(r.at2),
      titleZh: r.zh!,
      titleEn: r.en!,
    })),
    learning: {
      // A course finished in an earlier version is not "to continue" in a newer one.
      continue: of("open")
        .filter((r) => !finished.has(r.slug))
        .map(progress),
      completed: done.slice(0, LEARNING_DONE).map(progress),
    },
    classes: of("class").map((r) => ({
      id: num(r.id),
      day: localDay(instant(r.at1)),
      start: localTime(instant(r.at1)),
      end: localTime(instant(r.at2)),
      room: r.t1!,
      onlineLink: r.t2!,
      trainer: r.t3!,
      title: { titleZh: r.zh!, titleEn: r.en! },
      courseSlug: r.slug,
    })),
    // The week's certificates: each course once, at its latest completion.
    completed: done.flatMap((r) => {
      if (seen.has(r.slug!)) return [];
      seen.add(r.slug!);
      return [{ slug: r.slug!, title: { titleZh: r.zh!, titleEn: r.en! }, day: localDay(instant(r.at2)) }];
    }),
    requests: of("request").map((r) => ({
      id: num(r.id),
      state: r.t1!,
      headcount: num(r.n),
      course: r.zh === null ? null : { titleZh: r.zh, titleEn: r.en! },
      series: r.t2 === null ? null : { titleZh: r.t2, titleEn: r.t3! },
    })),
    person: person
      ? {
          id: num(person.id),
          name: person.zh!,
          grade: person.en!,
          teamId: person.n === null ? null : num(person.n),
          team: person.n === null ? null : { id: num(person.n), name: person.t1! },
        }
      : null,
    assigned: num(of("assigned")[0]?.n ?? 0),
    tries: of("try").map((r) => ({ exam: r.slug!, at: instant(r.at1) })),
  };
}

export type TraineeFacts = Awaited<ReturnType<typeof traineeFacts>>;
