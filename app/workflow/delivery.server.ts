// The trainer's side: the week, the roster, and "mark delivered" with its consequences
// (progress marked attended, surveys opened, the request moved on) in one transaction.
import { writeAudit } from "~/admin/audit.server";
import { canRecordDelivery, canViewSession, seesAllTraining } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound } from "~/lib/errors";
import { afterDelivery } from "./hooks.server";
import { notify } from "./notify.server";
import { addDays, dayBounds } from "./time";
import { loadForMove, move, titleOf } from "./transitions.server";

type Actor = Pick<SessionUser, "id" | "roles" | "name">;

const sessionSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  room: true,
  onlineLink: true,
  status: true,
  requestId: true,
  trainer: { select: { id: true, name: true } },
  course: { select: { titleZh: true, titleEn: true } },
  seriesId: true,
  _count: { select: { attendees: true } },
} as const;

async function seriesTitles(ids: (number | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map<number, { titleZh: string; titleEn: string }>();
  const rows = await db.series.findMany({
    where: { id: { in: wanted } },
    select: { id: true, titleZh: true, titleEn: true },
  });
  return new Map(rows.map((r) => [r.id, { titleZh: r.titleZh, titleEn: r.titleEn }]));
}

/** A session's title: its course, or the merged series it teaches. */
async function withTitles<T extends { course: { titleZh: string; titleEn: string } | null; seriesId: number | null }>(
  rows: T[],
) {
  const series = await seriesTitles(rows.filter((r) => !r.course).map((r) => r.seriesId));
  return rows.map((r) => ({
    ...r,
    title: r.course ?? (r.seriesId ? series.get(r.seriesId) : undefined) ?? { titleZh: "", titleEn: "" },
  }));
}

export async function weekSessions(user: Pick<SessionUser, "id" | "roles">, monday: string, trainerId?: number) {
  const start = dayBounds(monday)!.start;
  const end = dayBounds(addDays(monday, 7))!.start;
  const who = seesAllTraining(user) ? (trainerId ? { trainerId } : {}) : { trainerId: user.id };
  const rows = await db.trainingSession.findMany({
    where: { ...who, status: { not: "cancelled" }, startsAt: { lt: end }, endsAt: { gt: start } },
    select: sessionSelect,
    orderBy: { startsAt: "asc" },
    take: 500,
  });
  return withTitles(rows);
}

export async function upcomingSessions(
  user: Pick<SessionUser, "id" | "roles">,
  now = new Date(),
  take = 10,
  trainerId?: number,
) {
  const who = seesAllTraining(user) ? (trainerId ? { trainerId } : {}) : { trainerId: user.id };
  const rows = await db.trainingSession.findMany({
    where: { ...who, status: "scheduled", endsAt: { gt: now } },
    select: sessionSelect,
    orderBy: { startsAt: "asc" },
    take,
  });
  return withTitles(rows);
}

/** Scheduled sessions whose time has come and that still wait for their roster. */
export async function awaitingRoster(user: Pick<SessionUser, "id" | "roles">, now = new Date()) {
  const who = seesAllTraining(user) ? {} : { trainerId: user.id };
  const rows = await db.trainingSession.findMany({
    where: { ...who, status: "scheduled", startsAt: { lte: now } },
    select: sessionSelect,
    orderBy: { startsAt: "asc" },
    take: 20,
  });
  return withTitles(rows);
}

export async function getRoster(user: Pick<SessionUser, "id" | "roles">, sessionId: number) {
  const s = await db.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      ...sessionSelect,
      notes: true,
      deliveredAt: true,
      attendees: {
        select: { attendance: true, user: { select: { id: true, name: true, employeeNo: true } } },
        orderBy: { user: { name: "asc" } },
      },
    },
  });
  if (!s || !canViewSession(user, { trainerId: s.trainer.id })) return null;
  const [titled] = await withTitles([s]);
  if (!titled) return null;
  return { ...titled, canRecord: canRecordDelivery(user, { trainerId: s.trainer.id }) };
}

export type Attendance = "present" | "late" | "absent";

export async function recordRoster(
  actor: Actor,
  sessionId: number,
  input: { attendance: Map<number, Attendance>; notes: string; deliver: boolean },
  now = new Date(),
) {
  return db.$transaction(async (tx) => {
    const s = await tx.trainingSession.findUnique({
      where: { id: sessionId },
      select: {
        id: true,
        trainerId: true,
        status: true,
        startsAt: true,
        courseId: true,
        seriesId: true,
        requestId: true,
        title: true,
        course: { select: { titleZh: true } },
        attendees: { select: { userId: true } },
      },
    });
    if (!s || !(canViewSession(actor, s) || canRecordDelivery(actor, s))) throw notFound("workflow:err.notFound");
    if (!canRecordDelivery(actor, s)) throw forbidden("workflow:err.forbidden");
    if (s.status !== "scheduled") throw conflict("workflow:err.alreadyDelivered", { params: { state: s.status } });
    for (const [userId, value] of input.attendance) {
      if (!s.attendees.some((a) => a.userId === userId)) continue;
      await tx.sessionAttendee.update({
        where: { sessionId_userId: { sessionId, userId } },
        data: { attendance: value },
      });
    }
    const said = { title: s.course?.titleZh ?? s.title };
    if (!input.deliver) {
      await tx.trainingSession.update({ where: { id: sessionId }, data: { notes: input.notes } });
      await writeAudit(tx, actor.id, "session.attendance", null, said, { id: sessionId });
      return { delivered: false };
    }
    if (s.startsAt > now) throw invalid("workflow:err.notStarted");
    const missing = await tx.sessionAttendee.count({ where: { sessionId, attendance: "pending" } });
    if (missing > 0) throw invalid("workflow:err.attendanceMissing", { params: { count: missing } });
    await tx.trainingSession.update({
      where: { id: sessionId },
      data: { status: "delivered", deliveredAt: now, notes: input.notes },
    });
    const present = await tx.sessionAttendee.findMany({
      where: { sessionId, attendance: { in: ["present", "late"] } },
      select: { userId: true },
    });
    await writeAudit(tx, actor.id, "session.deliver", null, { ...said, present: present.length }, { id: sessionId });
    const courseIds = s.courseId
      ? [s.courseId]
      : (
          await tx.course.findMany({
            where: { seriesId: s.seriesId ?? -1, status: { not: "retired" } },
            select: { id: true },
          })
        ).map((c) => c.id);
    await afterDelivery(
      tx,
      sessionId,
      present.map((p) => p.userId),
      courseIds,
    );
    if (s.requestId) await finishRequest(tx, actor, s.requestId);
    return { delivered: true };
  });
}

/** The request is delivered once none of its sessions is still waiting. */
async function finishRequest(tx: Tx, actor: Actor, requestId: number) {
  const waiting = await tx.trainingSession.count({ where: { requestId, status: "scheduled" } });
  if (waiting > 0) return;
  const r = await loadForMove(tx, requestId);
  if (!r || r.state !== "scheduled") return;
  await move(tx, actor, r, "deliver", r.version);
  const params = { id: r.id, title: titleOf(r), by: actor.name };
  await notify(tx, [r.requesterId], "delivered", params, `/requests/${r.id}`, actor.id);
  // Those present are asked for the survey when it opens (afterDelivery), with a link to it.
}
