// The archive of delivered training: search, the record of one delivery, CSV export, and HR's
// "archive" step.
import { writeAudit } from "~/admin/audit.server";
import type { SessionUser } from "~/auth/session.server";
import { type Prisma } from "~/generated/prisma/client";
import { db } from "~/lib/db.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import { PAGE_SIZE } from "~/lib/pagination";
import { listTrainers } from "./schedule-page.server";
import type { ArchiveFilter } from "./schemas";
import { dayBounds } from "./time";
import { applyTransition } from "./transitions.server";

export const CSV_LIMIT = 10_000;

/** The WHERE of a filter, or a refusal when the date range is upside down. */
export function archiveWhere(f: ArchiveFilter): Prisma.TrainingSessionWhereInput {
  const from = f.from ? dayBounds(f.from)?.start : undefined;
  const to = f.to ? dayBounds(f.to)?.end : undefined;
  if (from && to && from >= to) throw invalid("workflow:err.rangeReversed", { field: "to" });
  return {
    status: f.state ? f.state : { in: ["delivered", "archived"] },
    ...(f.course ? { courseId: f.course } : {}),
    ...(f.series ? { OR: [{ seriesId: f.series }, { course: { seriesId: f.series } }] } : {}),
    ...(f.trainer ? { trainerId: f.trainer } : {}),
    ...(f.team ? { attendees: { some: { user: { teamId: f.team } } } } : {}),
    ...(from || to ? { startsAt: { ...(from ? { gte: from } : {}), ...(to ? { lt: to } : {}) } } : {}),
  };
}

const rowSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  room: true,
  onlineLink: true,
  status: true,
  notes: true,
  requestId: true,
  seriesId: true,
  title: true,
  trainer: { select: { id: true, name: true } },
  course: { select: { slug: true, seriesId: true, titleZh: true, titleEn: true } },
} as const;

type Row = Prisma.TrainingSessionGetPayload<{ select: typeof rowSelect }>;

/** Attendance counts, series titles and request teams for a page of sessions, in grouped queries. */
async function enrich(rows: Row[]) {
  const ids = rows.map((r) => r.id);
  const [att, series, requests] = await Promise.all([
    db.sessionAttendee.groupBy({
      by: ["sessionId", "attendance"],
      where: { sessionId: { in: ids } },
      _count: { _all: true },
    }),
    db.series.findMany({
      where: { id: { in: rows.flatMap((r) => [r.seriesId, r.course?.seriesId].filter((x) => x != null)) } },
      select: { id: true, titleZh: true, titleEn: true },
    }),
    db.trainingRequest.findMany({
      where: { id: { in: rows.flatMap((r) => (r.requestId ? [r.requestId] : [])) } },
      select: { id: true, version: true, state: true, team: { select: { name: true } } },
    }),
  ]);
  const seriesById = new Map(series.map((s) => [s.id, s]));
  const requestById = new Map(requests.map((r) => [r.id, r]));
  return rows.map((r) => {
    const counts = { present: 0, late: 0, absent: 0, pending: 0 };
    for (const a of att)
      if (a.sessionId === r.id && a.attendance in counts) counts[a.attendance as keyof typeof counts] = a._count._all;
    const s = r.seriesId ? seriesById.get(r.seriesId) : undefined;
    // A single course still belongs to its series, if it has one.
    const inSeries = s ?? (r.course?.seriesId ? seriesById.get(r.course.seriesId) : undefined);
    const request = r.requestId ? requestById.get(r.requestId) : undefined;
    return {
      ...r,
      // Training outside the library (recorded by the surveys capability) carries its own title.
      title: r.course ?? (s ? { titleZh: s.titleZh, titleEn: s.titleEn } : { titleZh: r.title, titleEn: r.title }),
      seriesTitle: inSeries ? { titleZh: inSeries.titleZh, titleEn: inSeries.titleEn } : null,
      counts,
      team: request?.team?.name ?? "",
      request: request ? { id: request.id, version: request.version, state: request.state } : null,
    };
  });
}

export async function searchArchive(f: ArchiveFilter, page: number) {
  const where = archiveWhere(f);
  const [total, rows] = await Promise.all([
    db.trainingSession.count({ where }),
    db.trainingSession.findMany({
      where,
      select: rowSelect,
      orderBy: [{ startsAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
    }),
  ]);
  return { total, rows: await enrich(rows) };
}

export async function archiveExport(f: ArchiveFilter) {
  const rows = await db.trainingSession.findMany({
    where: archiveWhere(f),
    select: rowSelect,
    orderBy: [{ startsAt: "desc" }, { id: "desc" }],
    take: CSV_LIMIT,
  });
  return enrich(rows);
}

export async function archiveFilterOptions() {
  const [courses, series, trainers, teams] = await Promise.all([
    db.course.findMany({ select: { id: true, titleZh: true, titleEn: true }, orderBy: { slug: "asc" } }),
    db.series.findMany({ select: { id: true, titleZh: true, titleEn: true }, orderBy: { slug: "asc" } }),
    listTrainers(),
    db.team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { courses, series, trainers, teams };
}

/** HR archives a delivered session; when it belongs to a request, the request moves to archived. */
export async function archiveSession(
  actor: Pick<SessionUser, "id" | "roles" | "name">,
  sessionId: number,
  version: number,
) {
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: { status: true, requestId: true, title: true, course: { select: { titleZh: true } } },
  });
  if (!s) throw notFound("workflow:err.notFound");
  if (s.requestId) return applyTransition(actor, s.requestId, "archive", version);
  return db.$transaction(async (tx) => {
    const { count } = await tx.trainingSession.updateMany({
      where: { id: sessionId, status: "delivered" },
      data: { status: "archived" },
    });
    if (count !== 1) throw conflict("workflow:err.illegal");
    const title = s.course?.titleZh ?? s.title;
    await writeAudit(tx, actor.id, "session.archive", null, { title }, { id: sessionId });
    return { state: "archived" as const };
  });
}
