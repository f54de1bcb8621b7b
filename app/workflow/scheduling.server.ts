// HR turns an approved request into one or more TrainingSession rows: a trainer (qualified, or
// chosen with a written reason), a slot as long as the modules, and no double booking of trainer,
// attendee or room.
import type { SessionUser } from "~/auth/session.server";
import { inLibraryWhere } from "~/catalogue/in-library";
import { addLocalDaysAt, localDay } from "~/lib/clock";
import { db, type Tx } from "~/lib/db.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import { qualifiedTrainerIds } from "~/trainers/qualifications.server";
import { notify } from "./notify.server";
import { rosterPlan } from "./roster-plan.server";
import type { ScheduleForm } from "./schemas";
import { dayBounds, parseLocal } from "./time";
import { canView, loadForMove, move, titleOf } from "./transitions.server";

type Actor = Pick<SessionUser, "id" | "roles" | "name">;

/** The modules a request covers, in teaching order: a series teaches only its modules in the library. */
export async function modulesOf(tx: Tx, r: { courseId: number | null; seriesId: number | null }) {
  return tx.course.findMany({
    where: r.courseId ? { id: r.courseId } : { seriesId: r.seriesId ?? -1, ...inLibraryWhere },
    select: { id: true, titleZh: true, titleEn: true, durationMinutes: true, trainers: true },
    orderBy: { position: "asc" },
  });
}

/**
 * Every active trainer, for the picker: `listed` when holding a qualification record, not
 * withdrawn, for every module (decision 036); listed first. Choosing one not listed needs a written reason.
 */
export async function trainerChoices(tx: Tx, modules: { id: number }[]) {
  // One after the other: inside a transaction both share one connection.
  const all = await tx.user.findMany({
    where: { active: true, roles: { some: { role: "TRAINER" } } },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
  });
  const qualified = await qualifiedTrainerIds(
    tx,
    modules.map((m) => m.id),
  );
  const choices = all.map((t) => ({ ...t, listed: qualified.has(t.id) }));
  return [...choices.filter((t) => t.listed), ...choices.filter((t) => !t.listed)];
}

/** Each listed trainer's sessions on a local day, for the scheduling form. */
export async function trainerAgenda(trainerIds: number[], day: string) {
  const bounds = dayBounds(day);
  if (!bounds || trainerIds.length === 0) return [];
  return db.trainingSession.findMany({
    where: {
      trainerId: { in: trainerIds },
      status: { not: "cancelled" },
      startsAt: { lt: bounds.end },
      endsAt: { gt: bounds.start },
    },
    select: {
      id: true,
      trainerId: true,
      startsAt: true,
      endsAt: true,
      room: true,
      course: { select: { titleZh: true, titleEn: true } },
      seriesId: true,
    },
    orderBy: { startsAt: "asc" },
  });
}

export function listRooms() {
  return db.room.findMany({
    where: { active: true },
    select: { id: true, name: true, capacity: true },
    orderBy: { name: "asc" },
  });
}

interface Slot {
  startsAt: Date;
  endsAt: Date;
  courseId: number | null;
  seriesId: number | null;
}

/**
 * Plans the slots: one per module — the first at the chosen time, the later ones in the classes
 * the roster gives (`later`, decision 044) or else on consecutive days at the same time — or one
 * slot for a course or merged series.
 */
export function planSlots(
  r: { courseId: number | null; seriesId: number | null; delivery: string },
  modules: { id: number; durationMinutes: number }[],
  startsAt: Date,
  endsAt: Date | null,
  later: { startsAt: Date; endsAt: Date }[] | null = null,
): { ok: true; slots: Slot[] } | { ok: false; field: string; error: string } {
  const minute = 60_000;
  if (r.seriesId && r.delivery === "separate") {
    return {
      ok: true,
      slots: modules.map((m, i) => {
        const s = i > 0 && later?.[i - 1] ? later[i - 1]!.startsAt : addLocalDaysAt(startsAt, i);
        return {
          startsAt: s,
          endsAt: new Date(s.getTime() + m.durationMinutes * minute),
          courseId: m.id,
          seriesId: r.seriesId,
        };
      }),
    };
  }
  const length = modules.reduce((sum, m) => sum + m.durationMinutes, 0);
  const end = endsAt ?? new Date(startsAt.getTime() + length * minute);
  if (end <= startsAt) return { ok: false, field: "end", error: "workflow:err.endBeforeStart" };
  if (end.getTime() - startsAt.getTime() < length * minute)
    return { ok: false, field: "end", error: "workflow:err.tooShort" };
  return { ok: true, slots: [{ startsAt, endsAt: end, courseId: r.courseId, seriesId: r.seriesId }] };
}

const live = { not: "cancelled" };

async function refuseDoubleBooking(tx: Tx, slot: Slot, trainerId: number, attendees: number[], room: string) {
  const overlap = { startsAt: { lt: slot.endsAt }, endsAt: { gt: slot.startsAt }, status: live };
  const busyTrainer = await tx.trainingSession.findFirst({ where: { ...overlap, trainerId }, select: { id: true } });
  if (busyTrainer)
    throw conflict("workflow:err.trainerBusy", { field: "trainerId", params: { sessionId: busyTrainer.id } });
  if (room) {
    const busyRoom = await tx.trainingSession.findFirst({ where: { ...overlap, room }, select: { id: true } });
    if (busyRoom) throw conflict("workflow:err.roomBusy", { field: "roomId", params: { sessionId: busyRoom.id } });
  }
  const busyPerson = await tx.sessionAttendee.findFirst({
    where: { userId: { in: attendees }, session: overlap },
    select: { user: { select: { name: true } } },
  });
  if (busyPerson) throw conflict("workflow:err.attendeeBusy", { params: { name: busyPerson.user.name } });
}

export async function scheduleRequest(actor: Actor, requestId: number, form: ScheduleForm, now = new Date()) {
  const roster = await rosterPlan(requestId, form);
  return db.$transaction(async (tx) => {
    const r = await loadForMove(tx, requestId);
    if (!r || !(await canView(tx, actor, r))) throw notFound("workflow:err.notFound");
    await move(tx, actor, r, "schedule", form.version, "", form.trainerReason);
    const details = await tx.trainingRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: { courseId: true, seriesId: true, delivery: true, headcount: true },
    });

    const startsAt = parseLocal(form.date, form.start);
    if (!startsAt) throw invalid("workflow:err.dateInvalid", { field: "date" });
    if (startsAt <= now) throw invalid("workflow:err.datePast", { field: "date" });
    const endsAt = form.end ? parseLocal(form.date, form.end) : null;
    if (form.end && !endsAt) throw invalid("workflow:err.timeInvalid", { field: "end" });

    const modules = await modulesOf(tx, details);
    if (modules.length === 0) throw invalid("workflow:err.retiredCourse");
    const trainer = (await trainerChoices(tx, modules)).find((t) => t.id === form.trainerId);
    if (!trainer) throw invalid("workflow:err.notQualified", { field: "trainerId" });
    // Someone not qualified for the course may teach it, but HR says why (kept with the move's audit).
    if (!trainer.listed && !form.trainerReason) throw invalid("workflow:err.trainerReason", { field: "trainerReason" });

    let roomName = "";
    if (form.roomId) {
      const room = await tx.room.findFirst({
        where: { id: Number(form.roomId), active: true },
        select: { name: true, capacity: true },
      });
      if (!room) throw invalid("workflow:err.invalid", { field: "roomId" });
      if (details.headcount > room.capacity)
        throw invalid("workflow:err.roomCapacity", { field: "roomId", params: { capacity: room.capacity } });
      roomName = room.name;
    }
    if (!roomName && !form.onlineLink) throw invalid("workflow:err.placeRequired", { field: "roomId" });

    if (roster.short) throw invalid("workflow:err.seriesSlotsShort", { field: "date", params: roster.short });
    const plan = planSlots(details, modules, startsAt, endsAt, roster.later);
    if (!plan.ok) throw invalid(plan.error, { field: plan.field });
    const attendees = r.attendees.map((a) => a.userId);
    for (const slot of plan.slots) await refuseDoubleBooking(tx, slot, trainer.id, attendees, roomName);

    for (const slot of plan.slots) {
      await tx.trainingSession.create({
        data: {
          ...slot,
          trainerId: trainer.id,
          room: roomName,
          onlineLink: form.onlineLink,
          requestId,
          attendees: { create: attendees.map((userId) => ({ userId })) },
        },
        select: { id: true },
      });
    }
    await tx.trainingRequest.update({ where: { id: requestId }, data: { trainerId: trainer.id } });
    const params = { id: requestId, title: titleOf(r), by: actor.name, when: form.date + " " + form.start };
    await notify(tx, [r.requesterId, ...attendees], "scheduled", params, `/requests/${requestId}`, actor.id);
    await notify(tx, [trainer.id], "assigned", params, "/schedule", actor.id);
    return {
      sessions: plan.slots.length,
      lastDay: localDay(plan.slots[plan.slots.length - 1]!.startsAt),
      flagged: roster.flagged,
    };
  });
}
