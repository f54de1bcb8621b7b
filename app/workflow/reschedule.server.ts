// HR moves a scheduled class to another time or room, or cancels it with a reason (decision 040).
// One transaction each. The session's `sequence` is both the version the form carries (a stale
// form changes nothing) and the calendar SEQUENCE (calendars replace the event they hold).
import { writeAudit } from "~/admin/audit.server";
import { reschedulesSessions } from "~/auth/policy";
import type { SessionUser } from "~/auth/session.server";
import { localDateTime } from "~/lib/clock";
import { db, type Tx } from "~/lib/db.server";
import { conflict, forbidden, invalid, notFound } from "~/lib/errors";
import { notify } from "./notify.server";
import type { CancelSessionForm, MoveSessionForm } from "./reschedule-schemas";
import { modulesOf } from "./scheduling.server";
import { parseLocal } from "./time";

type Actor = Pick<SessionUser, "id" | "roles" | "name">;

async function load(tx: Tx, actor: Actor, sessionId: number, sequence: number) {
  if (!reschedulesSessions(actor)) throw forbidden("workflow:err.forbidden");
  const s = await tx.trainingSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      status: true,
      sequence: true,
      startsAt: true,
      endsAt: true,
      room: true,
      onlineLink: true,
      trainerId: true,
      requestId: true,
      courseId: true,
      seriesId: true,
      title: true,
      course: { select: { titleZh: true } },
      attendees: { select: { userId: true } },
    },
  });
  if (!s) throw notFound("workflow:err.notFound");
  if (s.sequence !== sequence) throw conflict("reschedule:err.stale");
  if (s.status !== "scheduled") throw conflict("reschedule:err.notScheduled");
  const series =
    !s.course && s.seriesId
      ? await tx.series.findUnique({ where: { id: s.seriesId }, select: { titleZh: true } })
      : null;
  return { ...s, titleZh: s.course?.titleZh ?? series?.titleZh ?? s.title };
}

type Loaded = Awaited<ReturnType<typeof load>>;

/** "2026-12-01 09:00–10:00 Room A", in the centre's zone: the same text in both languages. */
export function describeSlot(startsAt: Date, endsAt: Date, room: string) {
  return `${localDateTime(startsAt)}–${localDateTime(endsAt).slice(11)}${room ? ` ${room}` : ""}`;
}

/**
 * Everyone and everything that would be double-booked by this slot: the trainer's and attendees'
 * names, and the room. Cancelled sessions and the session being moved do not count.
 */
export async function slotConflicts(
  tx: Tx,
  slot: { startsAt: Date; endsAt: Date },
  who: { trainerId: number; attendeeIds: number[]; room: string },
  exceptId: number,
) {
  const overlap = {
    id: { not: exceptId },
    status: { not: "cancelled" },
    startsAt: { lt: slot.endsAt },
    endsAt: { gt: slot.startsAt },
  };
  const trainer = await tx.trainingSession.findFirst({
    where: { ...overlap, trainerId: who.trainerId },
    select: { trainer: { select: { name: true } } },
  });
  const attendees = await tx.sessionAttendee.findMany({
    where: { userId: { in: who.attendeeIds }, session: overlap },
    select: { user: { select: { name: true } } },
    distinct: ["userId"],
  });
  const roomTaken = who.room ? await tx.trainingSession.count({ where: { ...overlap, room: who.room } }) : 0;
  const names = [...new Set([...(trainer ? [trainer.trainer.name] : []), ...attendees.map((a) => a.user.name).sort()])];
  return { names, room: roomTaken > 0 ? who.room : null };
}

/** A line on the request's timeline; `reopened` when the request went back from scheduled to approved. */
async function logOnRequest(
  tx: Tx,
  actorId: number,
  s: Loaded,
  action: string,
  comment: string,
  movedTo: "approved" | "delivered" | null = null,
) {
  if (!s.requestId) return;
  const r = await tx.trainingRequest.findUnique({ where: { id: s.requestId }, select: { state: true } });
  if (!r) return;
  const [fromState, toState] = movedTo ? ["scheduled", movedTo] : [r.state, r.state];
  await tx.requestTransition.create({ data: { requestId: s.requestId, actorId, action, fromState, toState, comment } });
}

async function tellPeople(tx: Tx, actor: Actor, s: Loaded, kind: string, params: Record<string, string | number>) {
  const attendees = s.attendees.map((a) => a.userId);
  const link = s.requestId ? `/requests/${s.requestId}` : "";
  const requester = s.requestId
    ? await tx.trainingRequest.findUnique({ where: { id: s.requestId }, select: { requesterId: true } })
    : null;
  await notify(tx, [...attendees, ...(requester ? [requester.requesterId] : [])], kind, params, link, actor.id);
  await notify(tx, [s.trainerId], kind, params, `/schedule/${s.id}`, actor.id);
}

export async function moveSession(actor: Actor, sessionId: number, form: MoveSessionForm, now = new Date()) {
  return db.$transaction(async (tx) => {
    const s = await load(tx, actor, sessionId, form.sequence);
    const startsAt = parseLocal(form.date, form.start);
    if (!startsAt) throw invalid("workflow:err.dateInvalid", { field: "date" });
    const endsAt = parseLocal(form.date, form.end);
    if (!endsAt) throw invalid("workflow:err.timeInvalid", { field: "end" });
    if (startsAt <= now) throw invalid("workflow:err.datePast", { field: "date" });
    if (endsAt <= startsAt) throw invalid("workflow:err.endBeforeStart", { field: "end" });
    // The class still needs the time its modules take.
    const modules = await modulesOf(tx, { courseId: s.courseId, seriesId: s.courseId ? null : s.seriesId });
    const minutes = modules.reduce((sum, m) => sum + m.durationMinutes, 0);
    if (endsAt.getTime() - startsAt.getTime() < minutes * 60_000)
      throw invalid("workflow:err.tooShort", { field: "end" });

    let room = "";
    if (form.roomId) {
      const found = await tx.room.findFirst({
        where: { id: Number(form.roomId), active: true },
        select: { name: true, capacity: true },
      });
      if (!found) throw invalid("workflow:err.invalid", { field: "roomId" });
      if (s.attendees.length > found.capacity)
        throw invalid("workflow:err.roomCapacity", { field: "roomId", params: { capacity: found.capacity } });
      room = found.name;
    }
    if (!room && !s.onlineLink) throw invalid("workflow:err.placeRequired", { field: "roomId" });
    if (startsAt.getTime() === s.startsAt.getTime() && endsAt.getTime() === s.endsAt.getTime() && room === s.room)
      throw invalid("reschedule:err.unchanged");

    const busy = await slotConflicts(
      tx,
      { startsAt, endsAt },
      { trainerId: s.trainerId, attendeeIds: s.attendees.map((a) => a.userId), room },
      s.id,
    );
    if (busy.names.length > 0 || busy.room) {
      const names = busy.names.join(", ");
      const key = busy.names.length === 0 ? "roomBusy" : busy.room ? "busy" : "peopleBusy";
      throw conflict(`reschedule:err.${key}`, { params: { names, room: busy.room ?? "" } });
    }

    // The sequence in the WHERE makes the write itself the arbiter between two HR pages.
    const { count } = await tx.trainingSession.updateMany({
      where: { id: s.id, sequence: s.sequence, status: "scheduled" },
      data: { startsAt, endsAt, room, sequence: { increment: 1 } },
    });
    if (count !== 1) throw conflict("reschedule:err.stale");

    const from = describeSlot(s.startsAt, s.endsAt, s.room);
    const to = describeSlot(startsAt, endsAt, room);
    const note = form.note.trim();
    await writeAudit(
      tx,
      actor.id,
      "session.move",
      null,
      { title: s.titleZh, from, to, ...(note ? { note } : {}) },
      {
        id: s.id,
      },
    );
    await logOnRequest(tx, actor.id, s, "session-move", `#${s.id} ${from} → ${to}${note ? ` · ${note}` : ""}`);
    await tellPeople(tx, actor, s, "session-moved", {
      id: s.id,
      title: s.titleZh,
      when: localDateTime(startsAt),
      was: localDateTime(s.startsAt),
      where: room ? ` · ${room}` : "",
    });
    return { sequence: s.sequence + 1 };
  });
}

export async function cancelSession(actor: Actor, sessionId: number, form: CancelSessionForm, now = new Date()) {
  return db.$transaction(async (tx) => {
    const s = await load(tx, actor, sessionId, form.sequence);
    const reason = form.reason.trim();
    if (!reason) throw invalid("reschedule:err.reasonRequired", { field: "reason" });
    const { count } = await tx.trainingSession.updateMany({
      where: { id: s.id, sequence: s.sequence, status: "scheduled" },
      data: { status: "cancelled", cancelReason: reason, cancelledAt: now, sequence: { increment: 1 } },
    });
    if (count !== 1) throw conflict("reschedule:err.stale");

    const from = describeSlot(s.startsAt, s.endsAt, s.room);
    await writeAudit(tx, actor.id, "session.cancel", null, { title: s.titleZh, from, reason }, { id: s.id });
    const movedTo = s.requestId ? await settleRequest(tx, actor, s.requestId) : null;
    const back = movedTo === "approved";
    await logOnRequest(tx, actor.id, s, "session-cancel", `#${s.id} ${from}: ${reason}`, movedTo);
    await tellPeople(tx, actor, s, "session-cancelled", {
      id: s.id,
      title: s.titleZh,
      when: localDateTime(s.startsAt),
      reason,
    });
    return { sequence: s.sequence + 1, requestReopened: back };
  });
}

/**
 * Where a request stands once one of its classes is cancelled: with no class left it goes back to
 * "approved" so HR can schedule it again; with none left waiting but some held, it is delivered —
 * otherwise it would wait for ever for a class that will not happen.
 */
async function settleRequest(tx: Tx, actor: Actor, requestId: number) {
  const live = await tx.trainingSession.count({ where: { requestId, status: { not: "cancelled" } } });
  const waiting = await tx.trainingSession.count({ where: { requestId, status: "scheduled" } });
  const to = live === 0 ? "approved" : waiting === 0 ? "delivered" : null;
  if (!to) return null;
  const moved = await tx.trainingRequest.updateMany({
    where: { id: requestId, state: "scheduled" },
    data: { state: to, version: { increment: 1 } },
  });
  if (moved.count !== 1) return null;
  if (to === "delivered") {
    const r = await tx.trainingRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { requesterId: true, course: { select: { titleZh: true } }, series: { select: { titleZh: true } } },
    });
    const params = { id: requestId, title: r.course?.titleZh ?? r.series?.titleZh ?? "", by: actor.name };
    await notify(tx, [r.requesterId], "delivered", params, `/requests/${requestId}`, actor.id);
  }
  return to;
}

/** The session's moves and cancellation, oldest first, from the audit log. */
export async function sessionHistory(sessionId: number) {
  const rows = await db.auditLog.findMany({
    where: { objectKind: "session", objectId: sessionId, action: { in: ["session.move", "session.cancel"] } },
    orderBy: { id: "asc" },
    select: { id: true, action: true, detail: true, createdAt: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => {
    const d = JSON.parse(r.detail) as Record<string, unknown>;
    const text = (k: string) => (typeof d[k] === "string" ? (d[k] as string) : "");
    return {
      id: r.id,
      kind: r.action === "session.move" ? ("move" as const) : ("cancel" as const),
      actor: r.actor?.name ?? "",
      at: r.createdAt,
      from: text("from"),
      to: text("to"),
      reason: text("reason") || text("note"),
    };
  });
}

/** What the session page shows about moving and cancelling: the forms (HR only), the history. */
export async function reschedulePanel(user: Pick<SessionUser, "roles">, sessionId: number) {
  const [s, history] = await Promise.all([
    db.trainingSession.findUnique({
      where: { id: sessionId },
      select: { sequence: true, status: true, cancelReason: true, cancelledAt: true },
    }),
    sessionHistory(sessionId),
  ]);
  const may = reschedulesSessions(user) && s?.status === "scheduled";
  const rooms = may
    ? await db.room.findMany({
        where: { active: true },
        select: { id: true, name: true, capacity: true },
        orderBy: { name: "asc" },
      })
    : [];
  return {
    may,
    sequence: s?.sequence ?? 0,
    cancelReason: s?.cancelReason ?? "",
    cancelledAt: s?.cancelledAt ?? null,
    rooms,
    history,
  };
}
