// HR moves or cancels a scheduled class: conflicts named, stale forms refused, calendars updated,
// people told, cancelled classes out of every conflict check and agenda (decision 040).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import * as calendarRoute from "~/routes/calendar.$file";
import * as detailRoute from "~/routes/requests.$id";
import * as rosterRoute from "~/routes/schedule.$id";
import { upcomingSessions, weekSessions } from "~/workflow/delivery.server";
import { createRequest } from "~/workflow/requests.server";
import { weekStart } from "~/workflow/time";
import { applyTransition } from "~/workflow/transitions.server";
import { readIcs } from "../../fixtures/ical";
import { take } from "../../fixtures/lists";
import { bodyOf, future, get, post, requestForm, statusOf, world, type World } from "./helpers";

let w: World;
beforeAll(async () => {
  w = await world();
});

type Person = { id: number };

/** A request for these people, approved and scheduled on `days` from now at `time`. */
async function scheduled(people: Person[], days: number, time: string, over: Record<string, string> = {}) {
  const f = requestForm(w, { attendees: people.map((a) => String(a.id)) });
  const { id } = await createRequest({ id: w.lead.id, roles: ["LEAD"], name: "Lead" }, {
    ...f,
    attendees: people.map((a) => a.id),
    priority: 2,
    slotKind: "morning",
    delivery: "single",
  } as never);
  await applyTransition({ id: w.hr.id, roles: ["HR"], name: "HR" }, id, "approve", 1);
  const [date, start] = take(future(days, time).split("T"), 2);
  const res = await post(
    detailRoute,
    `/requests/${id}`,
    w.hr.id,
    {
      intent: "schedule",
      version: "2",
      trainerId: String(w.trainer.id),
      date,
      start,
      end: "",
      roomId: String(w.room.id),
      onlineLink: "",
      ...over,
    },
    { id: String(id) },
  );
  expect(statusOf(res)).toBe(302);
  const s = await db.trainingSession.findFirstOrThrow({ where: { requestId: id }, select: { id: true } });
  return { requestId: id, sessionId: s.id };
}

function move(sessionId: number, userId: number, form: Record<string, string>) {
  return post(rosterRoute, `/schedule/${sessionId}`, userId, { intent: "move", ...form }, { id: String(sessionId) });
}

function cancel(sessionId: number, userId: number, form: Record<string, string>) {
  return post(rosterRoute, `/schedule/${sessionId}`, userId, { intent: "cancel", ...form }, { id: String(sessionId) });
}

async function ics(sessionId: number, userId: number) {
  const res = await get(calendarRoute, `/calendar/${sessionId}.ics`, userId, { file: `${sessionId}.ics` });
  expect(statusOf(res)).toBe(200);
  return readIcs(await (res as Response).text());
}

const body = (res: unknown) =>
  bodyOf<{ errors: Record<string, string>; error: string; params: Record<string, string> }>(res);

describe("moving a class", () => {
  it("moves it, raises the sequence, updates the calendar event and tells attendees and trainer", async () => {
    const people = w.agents.slice(0, 2);
    const { requestId, sessionId } = await scheduled(people, 30, "09:00");
    const before = await ics(sessionId, people[0]!.id);
    const [date] = take(future(31, "14:00").split("T"), 1);
    const res = await move(sessionId, w.hr.id, {
      sequence: "0",
      date,
      start: "14:00",
      end: "15:30",
      roomId: String(w.tiny.id),
      note: "Trainer at a conference",
    });
    expect(statusOf(res)).toBe(302);
    const s = await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(s).toMatchObject({ sequence: 1, room: w.tiny.name, status: "scheduled" });
    expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(90 * 60_000);

    const after = await ics(sessionId, people[0]!.id);
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.start.getTime()).toBe(s.startsAt.getTime());
    expect(after.start.getTime()).not.toBe(before.start.getTime());
    expect(after.method).toBe("PUBLISH");

    const told = await db.notification.findMany({ where: { kind: "session-moved", link: { contains: "" } } });
    const toldIds = told.map((n) => n.userId);
    for (const p of [...people, w.trainer, w.lead]) expect(toldIds).toContain(p.id);
    expect(toldIds).not.toContain(w.hr.id);

    const line = await db.requestTransition.findFirstOrThrow({ where: { requestId, action: "session-move" } });
    expect(line).toMatchObject({ fromState: "scheduled", toState: "scheduled" });
    expect(line.comment).toContain(w.tiny.name);
    expect(await db.auditLog.count({ where: { action: "session.move", objectId: sessionId } })).toBe(1);

    const page = bodyOf<{ panel: { history: { kind: string }[] } }>(
      await get(rosterRoute, `/schedule/${sessionId}`, w.hr.id, { id: String(sessionId) }),
    );
    expect(page.panel.history.map((h) => h.kind)).toEqual(["move"]);
  });

  it("refuses a move into a conflict, naming who is busy and the room", async () => {
    const a = await scheduled([w.agents[0], w.agents[1]], 40, "09:00");
    const b = await scheduled([w.agents[1], w.agents[2]], 40, "14:00", { roomId: String(w.tiny.id) });
    const [date] = take(future(40).split("T"), 1);
    const both = await move(b.sessionId, w.hr.id, {
      sequence: "0",
      date,
      start: "09:30",
      end: "10:30",
      roomId: String(w.room.id),
    });
    expect(statusOf(both)).toBe(409);
    // The trainer teaches both classes; Agent 2 sits in both; the room is taken.
    expect(body(both).error).toBe("reschedule:err.busy");
    expect(body(both).params).toEqual({ names: "Trainer Listed, Agent 2", room: w.room.name });

    const people = await move(b.sessionId, w.hr.id, {
      sequence: "0",
      date,
      start: "09:30",
      end: "10:30",
      roomId: String(w.tiny.id),
    });
    expect(statusOf(people)).toBe(409);
    expect(body(people).error).toBe("reschedule:err.peopleBusy");
    const unchanged = await db.trainingSession.findUniqueOrThrow({ where: { id: b.sessionId } });
    expect(unchanged.sequence).toBe(0);
    expect(a.sessionId).not.toBe(b.sessionId);
  });

  it("refuses a stale form with 409 and changes nothing", async () => {
    const { sessionId } = await scheduled([w.agents[3]], 50, "09:00");
    const [date] = take(future(51).split("T"), 1);
    const form = { sequence: "0", date, start: "10:00", end: "11:00", roomId: String(w.room.id) };
    expect(statusOf(await move(sessionId, w.hr.id, form))).toBe(302);
    const second = await move(sessionId, w.hr2.id, { ...form, start: "15:00", end: "16:00" });
    expect(statusOf(second)).toBe(409);
    expect(body(second).error).toBe("reschedule:err.stale");
    const stale = await cancel(sessionId, w.hr2.id, { sequence: "0", reason: "late" });
    expect(statusOf(stale)).toBe(409);
    const s = await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(s).toMatchObject({ sequence: 1, status: "scheduled" });
  });

  it("is for HR only", async () => {
    const { sessionId } = await scheduled([w.agents[3]], 60, "09:00");
    const [date] = take(future(61).split("T"), 1);
    const form = { sequence: "0", date, start: "10:00", end: "11:00", roomId: String(w.room.id) };
    expect(statusOf(await move(sessionId, w.trainer.id, form))).toBe(403);
    expect(statusOf(await cancel(sessionId, w.trainer.id, { sequence: "0", reason: "x" }))).toBe(403);
    expect((await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).sequence).toBe(0);
  });
});

describe("cancelling a class", () => {
  it("needs a reason", async () => {
    const { sessionId } = await scheduled([w.agents[0]], 70, "09:00");
    const res = await cancel(sessionId, w.hr.id, { sequence: "0", reason: "  " });
    expect(statusOf(res)).toBe(400);
    expect(body(res).errors.reason).toBe("reschedule:err.reasonRequired");
    expect((await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("scheduled");
  });

  it("cancels, tells people, sends METHOD:CANCEL, reopens the request and frees the slot", async () => {
    const people = [w.agents[0], w.agents[1]];
    const { requestId, sessionId } = await scheduled(people, 80, "09:00");
    const before = await ics(sessionId, w.trainer.id);
    const res = await cancel(sessionId, w.hr.id, { sequence: "0", reason: "Typhoon warning" });
    expect(statusOf(res)).toBe(302);
    const s = await db.trainingSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(s).toMatchObject({ status: "cancelled", cancelReason: "Typhoon warning", sequence: 1 });

    const after = await ics(sessionId, w.trainer.id);
    expect(after).toMatchObject({ method: "CANCEL", status: "CANCELLED", uid: before.uid });
    expect(after.sequence).toBeGreaterThan(before.sequence);

    const told = await db.notification.findMany({
      where: { kind: "session-cancelled" },
      select: { userId: true, params: true },
    });
    for (const p of [...people, w.trainer]) expect(told.map((n) => n.userId)).toContain(p.id);
    expect(told.some((n) => JSON.parse(n.params).reason === "Typhoon warning")).toBe(true);

    // The request's only class is gone: it waits to be scheduled again, with the reason on its timeline.
    const r = await db.trainingRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(r.state).toBe("approved");
    const line = await db.requestTransition.findFirstOrThrow({ where: { requestId, action: "session-cancel" } });
    expect(line).toMatchObject({ fromState: "scheduled", toState: "approved" });
    expect(line.comment).toContain("Typhoon warning");

    // Out of agendas, still in history.
    const week = await weekSessions({ id: w.hr.id, roles: ["HR"] }, weekStart(future(80).slice(0, 10)));
    expect(week.map((x) => x.id)).not.toContain(sessionId);
    const upcoming = await upcomingSessions({ id: w.trainer.id, roles: ["TRAINER"] }, new Date(), 100);
    expect(upcoming.map((x) => x.id)).not.toContain(sessionId);
    const page = await get(rosterRoute, `/schedule/${sessionId}`, w.hr.id, { id: String(sessionId) });
    expect(statusOf(page)).toBe(200);
    expect(bodyOf<{ panel: { may: boolean; cancelReason: string } }>(page).panel).toMatchObject({
      may: false,
      cancelReason: "Typhoon warning",
    });

    // The same trainer, room and attendees can be booked into the freed slot.
    const again = await scheduled(people, 80, "09:00");
    expect(again.sessionId).not.toBe(sessionId);
  });

  it("a cancelled class is not a conflict for a move either", async () => {
    const a = await scheduled([w.agents[2]], 90, "09:00");
    expect(statusOf(await cancel(a.sessionId, w.hr.id, { sequence: "0", reason: "No longer needed" }))).toBe(302);
    const b = await scheduled([w.agents[2]], 90, "14:00");
    const [date] = take(future(90).split("T"), 1);
    const res = await move(b.sessionId, w.hr.id, {
      sequence: "0",
      date,
      start: "09:00",
      end: "10:00",
      roomId: String(w.room.id),
    });
    expect(statusOf(res)).toBe(302);
  });
  it("cancelling the last waiting class of a request whose other classes were delivered completes it", async () => {
    const people = [w.agents[3]!];
    const { requestId, sessionId } = await scheduled(people, 100, "09:00");
    // An earlier class of the same request was already held.
    const held = await db.trainingSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: { courseId: true, seriesId: true, trainerId: true, room: true },
    });
    const day = new Date(Date.now() - 86_400_000);
    await db.trainingSession.create({
      data: {
        ...held,
        requestId,
        status: "delivered",
        deliveredAt: day,
        startsAt: day,
        endsAt: new Date(day.getTime() + 3_600_000),
      },
    });
    expect(statusOf(await cancel(sessionId, w.hr.id, { sequence: "0", reason: "Trainer ill" }))).toBe(302);

    const r = await db.trainingRequest.findUniqueOrThrow({ where: { id: requestId }, select: { state: true } });
    expect(r.state).toBe("delivered");
    const line = await db.requestTransition.findFirstOrThrow({ where: { requestId, action: "session-cancel" } });
    expect(line).toMatchObject({ fromState: "scheduled", toState: "delivered" });
    const told = await db.notification.findMany({ where: { kind: "delivered" }, select: { link: true } });
    expect(told.map((n) => n.link)).toContain(`/requests/${requestId}`);
  });
});
