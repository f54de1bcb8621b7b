// The two CSV exports of the dashboard: its figures, and the raw responses behind them.
import { Prisma } from "~/generated/prisma/client";
import { localDateTime, localDay } from "~/lib/clock";
import { BOM, csvNumber, csvRow } from "~/lib/csv";
import { instantText } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { serverT } from "~/lib/i18n/instance";
import { messageKey } from "~/lib/i18n/keys";
import type { Locale } from "~/lib/i18n/locale";
import { localTitle, pickLocalized } from "~/lib/i18n/localized";
import { rowReleasedSql, safeFiguresOf } from "./disclosure";
import type { Tally } from "./figures";
import { rollup, total } from "./rollup";
import { surveyWhere, tallyCells, type SurveyFilter } from "./tally.server";

export async function figuresCsv(filter: SurveyFilter, locale: Locale): Promise<string> {
  const t = serverT(locale, "surveys");
  const cells = await tallyCells(filter, { survey: true, team: true });
  const byCourse = rollup(cells, (c) => c.courseId);
  const byTrainer = rollup(cells, (c) => c.trainerId);
  const bySurvey = rollup(cells, (c) => c.surveyId);
  const byTeam = rollup(cells, (c) => c.teamId);
  const bySeries = rollup(cells, (c) => c.seriesId);
  const [series, courses, trainers, teams, surveys] = await Promise.all([
    db.series.findMany({
      where: { id: { in: [...bySeries.keys()] } },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.course.findMany({
      where: { id: { in: [...byCourse.keys()] } },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.user.findMany({ where: { id: { in: [...byTrainer.keys()] } }, select: { id: true, name: true } }),
    db.team.findMany({ where: { id: { in: [...byTeam.keys()] } }, select: { id: true, name: true } }),
    db.survey.findMany({
      where: { id: { in: [...bySurvey.keys()] } },
      select: {
        id: true,
        sessionId: true,
        heldOn: true,
        session: { select: { title: true, course: { select: { titleZh: true, titleEn: true } } } },
      },
      orderBy: { heldOn: "asc" },
    }),
  ]);
  const title = (c: { titleZh: string; titleEn: string }) => localTitle(locale, c);
  let out =
    BOM +
    csvRow([
      t("csv.group"),
      t("csv.name"),
      t("csv.responses"),
      t("csv.invited"),
      t("csv.responseRate"),
      t("csv.satisfactionRate"),
      t("csv.meanScore"),
      t("csv.index"),
      t("csv.helpfulRate"),
      t("csv.nps"),
      t("csv.suppressed"),
      t("csv.answered"),
    ]);
  const line = (group: string, name: string, tally: Tally) => {
    const f = safeFiguresOf(tally);
    const p = (v: number | null) => csvNumber(v === null ? null : v * 100);
    out += csvRow([
      group,
      name,
      f.responses,
      f.invited,
      p(f.responseRate),
      p(f.satisfactionRate),
      csvNumber(f.meanScore, 2),
      csvNumber(f.index),
      p(f.helpfulRate),
      csvNumber(f.nps),
      f.suppressed ? 1 : 0,
      f.answered,
    ]);
  };
  line(t("csv.total"), t("csv.all"), total(cells));
  line(t("csv.kind"), t("csv.micro"), total(cells.filter((c) => c.kind === "micro")));
  line(t("csv.kind"), t("kind.other"), total(cells.filter((c) => c.kind !== "micro")));
  for (const [month, tally] of [...rollup(cells, (c) => c.month)].sort(([a], [b]) => a.localeCompare(b)))
    line(t("csv.month"), month, tally);
  for (const se of series) line(t("csv.series"), title(se), bySeries.get(se.id)!);
  for (const c of courses) line(t("csv.course"), title(c), byCourse.get(c.id)!);
  for (const u of trainers) line(t("csv.trainer"), u.name, byTrainer.get(u.id)!);
  for (const team of teams) line(t("csv.team"), team.name, byTeam.get(team.id)!);
  for (const s of surveys) {
    const name = `#${s.sessionId} ${localDay(s.heldOn)} ${s.session.course ? title(s.session.course) : s.session.title}`;
    line(t("csv.session"), name, bySurvey.get(s.id)!);
  }
  return out;
}

interface RawRow {
  id: string;
  surveyId: number | bigint;
  sessionId: number | bigint;
  heldOn: string;
  kind: string;
  anonymous: number | bigint;
  courseZh: string | null;
  courseEn: string | null;
  title: string;
  trainer: string;
  respondent: string | null;
  team: string | null;
  submittedAt: string | null;
  overall: number;
  relevance: number;
  helpful: number;
  delivery: number;
  pace: number;
  recommend: number;
  comment: string;
}

const PAGE = 5000;

/**
 * Every response in scope, streamed a page at a time. Anonymous responses carry no name, team or
 * time, and those of a team with fewer than three responses in its session are left out
 * altogether, whatever the filter (disclosure.ts).
 */
export function responsesCsvStream(filter: SurveyFilter, locale: Locale): ReadableStream<Uint8Array> {
  const t = serverT(locale, "surveys");
  const encoder = new TextEncoder();
  let after: { surveyId: number; id: string } | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(
            BOM +
              csvRow([
                t("csv.session"),
                t("csv.date"),
                t("csv.course"),
                t("csv.kind"),
                t("csv.trainer"),
                t("csv.anonymous"),
                t("csv.respondent"),
                t("csv.team"),
                t("csv.submittedAt"),
                t("short.overall"),
                t("short.relevance"),
                t("short.helpful"),
                t("short.delivery"),
                t("short.pace"),
                t("item.recommend"),
                t("csv.comment"),
              ]),
          ),
        );
        return;
      }
      const cursor: Prisma.Sql = after
        ? Prisma.sql`AND (r."surveyId" > ${after.surveyId} OR (r."surveyId" = ${after.surveyId} AND r."id" > ${after.id}))`
        : Prisma.empty;
      const rows = await db.$queryRaw<RawRow[]>`
        SELECT r."id" AS "id", r."surveyId" AS "surveyId", s."sessionId" AS "sessionId", s."heldOn" AS "heldOn", s."kind" AS "kind",
               s."anonymous" AS "anonymous", c."titleZh" AS "courseZh", c."titleEn" AS "courseEn", ts."title" AS "title",
               tr."name" AS "trainer", u."name" AS "respondent", tm."name" AS "team", r."submittedAt" AS "submittedAt",
               r."overall" AS "overall", r."relevance" AS "relevance", r."helpful" AS "helpful", r."delivery" AS "delivery",
               r."pace" AS "pace", r."recommend" AS "recommend", r."comment" AS "comment"
        FROM "SurveyResponse" r
        JOIN "Survey" s ON s."id" = r."surveyId"
        JOIN "TrainingSession" ts ON ts."id" = s."sessionId"
        JOIN "User" tr ON tr."id" = s."trainerId"
        LEFT JOIN "Course" c ON c."id" = s."courseId"
        LEFT JOIN "User" u ON u."id" = r."userId" AND NOT s."anonymous"
        LEFT JOIN "Team" tm ON tm."id" = r."teamId" AND NOT s."anonymous"
        WHERE ${surveyWhere(filter, Prisma.sql`r."teamId"`)} ${cursor}
          AND ${Prisma.raw(rowReleasedSql("r", "s"))}
        ORDER BY r."surveyId", r."id"
        LIMIT ${PAGE}`;
      let chunk = "";
      for (const r of rows) {
        const anonymous = Number(r.anonymous) === 1;
        chunk += csvRow([
          Number(r.sessionId),
          localDay(instantText(r.heldOn)),
          pickLocalized(locale, { zh: r.courseZh, en: r.courseEn }) || r.title,
          t(messageKey("surveys", `kind.${r.kind}`)),
          r.trainer,
          anonymous ? 1 : 0,
          anonymous ? "" : r.respondent,
          anonymous ? "" : r.team,
          anonymous || !r.submittedAt ? "" : localDateTime(instantText(r.submittedAt)),
          r.overall,
          r.relevance,
          r.helpful,
          r.delivery,
          r.pace,
          r.recommend,
          r.comment,
        ]);
      }
      if (chunk) controller.enqueue(encoder.encode(chunk));
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) controller.close();
      else after = { surveyId: Number(last.surveyId), id: last.id };
    },
  });
}
