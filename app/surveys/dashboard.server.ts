// Everything /dashboard shows: the figures from the rollups (rollup-read.server.ts; one session's
// from its own tally), the sessions and comments a page at a time, plus a few look-ups for names. Trainers see only their own sessions; HR and admins see everything.
import { seesAllTraining, type Role } from "~/auth/policy";
import { Prisma } from "~/generated/prisma/client";
import { instantText } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { pageCount, PAGE_SIZE } from "~/lib/pagination";
import { rowReleasedSql, safeFiguresOf, type ShownFigures } from "./disclosure";
import { emptyTally, ITEMS, type Distribution, type Item } from "./figures";
import { monthsOf, type DateRange } from "./range";
import { rollup, total } from "./rollup";
import { rollupCells, type RollupCell } from "./rollup-read.server";
import { surveyWhere, tallyCells, type Cell, type SurveyFilter } from "./tally.server";

export interface DashboardParams {
  range: DateRange;
  seriesId?: number;
  area?: string;
  teamId?: number;
  trainerId?: number;
  /** One session only (its figures and its comments, a page at a time). */
  sessionId?: number;
  /** Page of the sessions list. */
  page?: number;
  /** Page of the comments list. */
  commentPage?: number;
}

type Shown = ShownFigures;

export function scopeFilter(viewer: { id: number; roles: readonly Role[] }, p: DashboardParams): SurveyFilter {
  const everything = seesAllTraining(viewer);
  return {
    from: p.range.start,
    to: p.range.end,
    seriesId: p.seriesId,
    area: p.area,
    teamId: p.teamId,
    sessionId: p.sessionId,
    trainerId: everything ? p.trainerId : viewer.id,
  };
}

function distributionOf(dist: Distribution, suppressed: boolean) {
  const n = dist.reduce((a, b) => a + b, 0);
  return { n, counts: suppressed ? null : dist, shares: suppressed || n === 0 ? null : dist.map((c) => c / n) };
}

export async function loadDashboard(viewer: { id: number; roles: readonly Role[] }, p: DashboardParams) {
  const filter = scopeFilter(viewer, p);
  // One session's figures come from its own tally rows; everything else from the rollups.
  const cells: (Cell | RollupCell)[] =
    filter.sessionId !== undefined ? await tallyCells(filter) : await rollupCells(p.range, filter);
  const all = total(cells);
  const micro = total(cells.filter((c) => c.kind === "micro"));

  const monthly = rollup(cells, (c) => c.month);
  const monthlyMicro = rollup(
    cells.filter((c) => c.kind === "micro"),
    (c) => c.month,
  );
  const trend = monthsOf(p.range).map((month) => {
    const a = monthly.get(month);
    const m = monthlyMicro.get(month);
    return { month, all: a ? safeFiguresOf(a) : null, micro: m ? safeFiguresOf(m) : null };
  });

  const byCourse = rollup(cells, (c) => c.courseId);
  const byTrainer = rollup(cells, (c) => c.trainerId);

  const [courses, trainers, sessions, comments] = await Promise.all([
    db.course.findMany({
      where: { id: { in: [...byCourse.keys()] } },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.user.findMany({ where: { id: { in: [...byTrainer.keys()] } }, select: { id: true, name: true } }),
    recentSessions(filter, p.page ?? 1),
    commentsPage(filter, p.commentPage ?? 1),
  ]);
  const bySurvey = rollup(
    // The listed surveys already meet the other filters; only the team still narrows their rows.
    await tallyCells({ surveyIds: sessions.rows.map((s) => s.id), teamId: filter.teamId }, { survey: true }),
    (c) => c.surveyId,
  );

  const shown = (t: Parameters<typeof safeFiguresOf>[0]): Shown => safeFiguresOf(t);
  const courseRows = courses
    .map((c) => ({ id: c.id, titleZh: c.titleZh, titleEn: c.titleEn, ...shown(byCourse.get(c.id)!) }))
    .sort((a, b) => (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) || b.responses - a.responses);
  const trainerRows = trainers
    .map((u) => ({ id: u.id, name: u.name, ...shown(byTrainer.get(u.id)!) }))
    .sort((a, b) => (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1));
  const sessionRows = sessions.rows
    .map((s) => ({
      surveyId: s.id,
      sessionId: s.sessionId,
      heldOn: s.heldOn,
      kind: s.kind,
      anonymous: s.anonymous,
      closesAt: s.closesAt,
      titleZh: s.session.course?.titleZh ?? s.session.title,
      titleEn: s.session.course?.titleEn ?? s.session.title,
      trainer: s.session.trainer.name,
      ...shown(bySurvey.get(s.id) ?? emptyTally()),
    }))
    .sort((a, b) => b.heldOn.getTime() - a.heldOn.getTime());

  const allShown = shown(all);
  const distribution = ITEMS.map((item: Item) => ({ item, ...distributionOf(all.dist[item], allShown.suppressed) }));

  return {
    kpis: allShown,
    compare: { micro: shown(micro), all: allShown },
    trend,
    courses: courseRows,
    trainers: trainerRows,
    sessions: sessionRows,
    sessionPages: { page: Math.min(p.page ?? 1, sessions.pages), pages: sessions.pages },
    distribution,
    comments: comments.rows,
    commentPages: { page: comments.page, more: comments.more },
  };
}

/** The latest sessions in scope that asked anyone (in the team, when filtered by team), a page at a time. */
async function recentSessions(f: SurveyFilter, page: number) {
  const where = {
    heldOn: { gte: f.from, lt: f.to },
    courseId: f.courseId,
    seriesId: f.seriesId,
    area: f.area || undefined,
    trainerId: f.trainerId,
    kind: f.kind,
    sessionId: f.sessionId,
    tallies: { some: f.teamId !== undefined ? { teamId: f.teamId, invited: { gt: 0 } } : { invited: { gt: 0 } } },
  };
  const [total, rows] = await Promise.all([
    db.survey.count({ where }),
    db.survey.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        sessionId: true,
        heldOn: true,
        kind: true,
        anonymous: true,
        closesAt: true,
        session: {
          select: {
            title: true,
            course: { select: { titleZh: true, titleEn: true } },
            trainer: { select: { name: true } },
          },
        },
      },
    }),
  ]);
  return { rows, pages: pageCount(total) };
}

/**
 * One page of the comments in scope, newest sessions first. Counting them all would read every
 * comment in the range; one row more than the page says whether an older page exists.
 */
async function commentsPage(filter: SurveyFilter, page: number) {
  const rows = await loadComments(filter, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), page, more: rows.length > PAGE_SIZE };
}

/**
 * The latest comments in scope, as plain text without names. A comment from an anonymous survey
 * is shown only when its team in its session has at least three responses (disclosure.ts).
 */
export async function loadComments(filter: SurveyFilter, limit = 20, offset = 0) {
  const rows = await db.$queryRaw<
    {
      comment: string;
      heldOn: string | Date;
      anonymous: number | bigint | boolean;
      titleZh: string | null;
      titleEn: string | null;
      title: string;
    }[]
  >`
    SELECT r."comment" AS "comment", s."heldOn" AS "heldOn", s."anonymous" AS "anonymous", c."titleZh" AS "titleZh",
           c."titleEn" AS "titleEn", t."title" AS "title"
    FROM "SurveyResponse" r
    JOIN "Survey" s ON s."id" = r."surveyId"
    JOIN "TrainingSession" t ON t."id" = s."sessionId"
    LEFT JOIN "Course" c ON c."id" = s."courseId"
    WHERE ${surveyWhere(filter, Prisma.sql`r."teamId"`)} AND r."comment" <> ''
      AND ${Prisma.raw(rowReleasedSql("r", "s"))}
    ORDER BY s."heldOn" DESC, r."id"
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map((r) => ({
    comment: r.comment,
    heldOn: instantText(r.heldOn),
    anonymous: Number(r.anonymous) === 1,
    titleZh: r.titleZh ?? r.title,
    titleEn: r.titleEn ?? r.title,
  }));
}

/** Options for the filter form, limited to what the viewer may see. */
export async function loadFilterOptions(viewer: { id: number; roles: readonly Role[] }) {
  const everything = seesAllTraining(viewer);
  const [series, teams, trainers] = await Promise.all([
    db.series.findMany({ select: { id: true, titleZh: true, titleEn: true }, orderBy: { id: "asc" } }),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    everything
      ? db.user.findMany({
          where: { roles: { some: { role: "TRAINER" } } },
          select: { id: true, name: true },
          orderBy: { name: "asc" },
        })
      : Promise.resolve([]),
  ]);
  return { series, teams, trainers, areas: ["business", "customer-service", "supporting"], everything };
}
