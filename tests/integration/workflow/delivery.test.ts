// Scheduling, double booking, delivery with attendance, and the archive with its CSV.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import * as archiveRoute from "~/routes/archive._index";
import * as csvRoute from "~/routes/archive[.]csv";
import * as calendarRoute from "~/routes/calendar.$file";
import * as detailRoute from "~/routes/requests.$id";
import * as rosterRoute from "~/routes/schedule.$id";
import { createRequest } from "~/workflow/requests.server";
import { modulesOf, trainerChoices } from "~/workflow/scheduling.server";
import { applyTransition } from "~/workflow/transitions.server";
import { take } from "../../fixtures/lists";
import { createTestUser } from "../../fixtures/users";
import { bodyOf, future, get, post, requestForm, statusOf, world, type World } from "./helpers";

let w: World;
beforeAll(async () => {
  w = await world();
});

async function approved(attendees = w.agents.slice(0, 3)) {
  const f = requestForm(w, { attendees: attendees.map((a) => String(a.id)) });
  const { id } = await createRequest({ id: w.lead.id, roles: ["LEAD"], name: "Lead" }, {
    ...f,
    attendees: attendees.map((a) => a.id),
    priority: 2,
    slotKind: "morning",
    delivery: "single",
  } as never);
  await applyTransition({ id: w.hr.id, roles: ["HR"], name: "HR" }, id, "approve", 1);
  return id;
}

function schedule(id: number, over: Record<string, string> = {}) {
  const [date, start] = take(future(20).split("T"), 2);
  return post(
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
}

const err = (res: unknown) => bodyOf<{ errors: Record<string, string> }>(res).errors;
const sessions = (id: number) => db.trainingSession.count({ where: { requestId: id } });

describe("scheduling", () => {
  it("creates the session and its attendees for a qualified trainer, one module long", async () => {
    const id = await approved();
    const res = await schedule(id, { start: "08:00" });
    expect(statusOf(res)).toBe(302);
    const s = await db.trainingSession.findFirstOrThrow({ where: { requestId: id }, include: { attendees: true } });
    expect(s.trainerId).toBe(w.trainer.id);
    expect(s.endsAt.getTime() - s.startsAt.getTime()).toBe(60 * 60_000);
    expect(s.attendees).toHaveLength(3);
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).state).toBe("scheduled");
    expect(await db.notification.count({ where: { userId: w.trainer.id, kind: "assigned" } })).toBeGreaterThan(0);
  });

  it("refuses a trainer not on the course's list without a reason, and accepts one with a reason (audited)", async () => {
    const id = await approved([w.agents[3]]);
    const res = await schedule(id, { trainerId: String(w.trainer2.id), start: "16:00" });
    expect(statusOf(res)).toBe(400);
    expect(err(res).trainerReason).toBe("workflow:err.trainerReason");
    expect(await sessions(id)).toBe(0);

    const why = "The listed trainer is on leave that week.";
    const ok = await schedule(id, { trainerId: String(w.trainer2.id), start: "16:00", trainerReason: why });
    expect(statusOf(ok)).toBe(302);
    expect((await db.trainingSession.findFirstOrThrow({ where: { requestId: id } })).trainerId).toBe(w.trainer2.id);
    const moved = await db.requestTransition.findFirstOrThrow({ where: { requestId: id, action: "schedule" } });
    expect(moved.comment).toBe(why);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "request.schedule", objectId: id } });
    expect(JSON.parse(audit.detail).note).toBe(why);
    // The reason is not the request's reason (that one is shown to the requester on a return).
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).lastReason ?? "").toBe("");
  });

  it("asks for a reason once HR has withdrawn the trainer's qualification", async () => {
    const q = await db.trainerQualification.findFirstOrThrow({
      where: { trainerId: w.trainer.id, courseId: w.course.id, withdrawnAt: null },
    });
    await db.trainerQualification.update({ where: { id: q.id }, data: { withdrawnAt: new Date() } });
    try {
      const id = await approved([w.agents[3]]);
      const res = await schedule(id, { start: "18:00" });
      expect(statusOf(res)).toBe(400);
      expect(err(res).trainerReason).toBe("workflow:err.trainerReason");
      expect(await sessions(id)).toBe(0);
    } finally {
      await db.trainerQualification.update({ where: { id: q.id }, data: { withdrawnAt: null } });
    }
  });

  it("still refuses someone who is not an active trainer, reason or not", async () => {
    const id = await approved([w.agents[3]]);
    const res = await schedule(id, { trainerId: String(w.agents[0]!.id), trainerReason: "because" });
    expect(statusOf(res)).toBe(400);
    expect(err(res).trainerId).toBe("workflow:err.notQualified");
    expect(await sessions(id)).toBe(0);
  });

  it("refuses double booking of the trainer, of an attendee, and of the room", async () => {
    const first = await approved([w.agents[0]]);
    expect(statusOf(await schedule(first, { start: "14:00" }))).toBe(302);

    const trainerClash = await approved([w.agents[1]]);
    const r1 = await schedule(trainerClash, { start: "14:30" });
    expect(statusOf(r1)).toBe(409);
    expect(err(r1).trainerId).toBe("workflow:err.trainerBusy");

    // Qualify the other trainer too, so they can clash elsewhere without a reason.
    const extra = await db.trainerQualification.create({
      data: { trainerId: w.trainer2.id, courseId: w.course.id, source: "hr", reason: "test" },
    });
    try {
      const personClash = await approved([w.agents[0]]);
      const r2 = await schedule(personClash, {
        start: "14:30",
        trainerId: String(w.trainer2.id),
        roomId: "",
        onlineLink: "https://meet.example/x",
      });
      expect(statusOf(r2)).toBe(409);
      expect(err(r2)._form).toBe("workflow:err.attendeeBusy");

      const roomClash = await approved([w.agents[2]]);
      const r3 = await schedule(roomClash, { start: "14:30", trainerId: String(w.trainer2.id) });
      expect(statusOf(r3)).toBe(409);
      expect(err(r3).roomId).toBe("workflow:err.roomBusy");

      for (const id of [trainerClash, personClash, roomClash]) {
        expect(await sessions(id)).toBe(0);
        expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).state).toBe("approved");
      }
      // Back to back is not a clash.
      expect(statusOf(await schedule(trainerClash, { start: "15:00" }))).toBe(302);
    } finally {
      await db.trainerQualification.update({ where: { id: extra.id }, data: { withdrawnAt: new Date() } });
    }
  });

  it("refuses a past date, an end before the start, a slot shorter than the module, a full room", async () => {
    const id = await approved();
    const cases: [Record<string, string>, string, string][] = [
      [{ date: "2020-01-01" }, "date", "workflow:err.datePast"],
      [{ start: "10:00", end: "09:00" }, "end", "workflow:err.endBeforeStart"],
      [{ start: "10:00", end: "10:30" }, "end", "workflow:err.tooShort"],
      [{ roomId: String(w.tiny.id) }, "roomId", "workflow:err.roomCapacity"],
      [{ roomId: "", onlineLink: "" }, "roomId", "workflow:err.placeRequired"],
      [{ onlineLink: "javascript:alert(1)" }, "onlineLink", "workflow:err.link"],
    ];
    for (const [over, field, key] of cases) {
      const res = await schedule(id, { start: "18:00", ...over });
      expect(statusOf(res), key).toBe(400);
      expect(err(res)[field]).toBe(key);
    }
    expect(await sessions(id)).toBe(0);
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).version).toBe(2);
  });
});

describe("delivery and archive", () => {
  it("roster → delivered: progress marked, survey opened, request delivered; then archived and in the CSV", async () => {
    const id = await approved();
    expect(statusOf(await schedule(id, { start: "20:00" }))).toBe(302);
    const s = await db.trainingSession.findFirstOrThrow({ where: { requestId: id } });
    const p = { id: String(s.id) };
    const [a, b, c] = w.agents;
    const marks = { [`att-${a.id}`]: "present", [`att-${b.id}`]: "late", [`att-${c.id}`]: "absent" };

    // Only the assigned trainer may record it; a future session cannot be delivered yet.
    expect(
      statusOf(
        await post(rosterRoute, `/schedule/${s.id}`, w.trainer2.id, { intent: "deliver", notes: "", ...marks }, p),
      ),
    ).toBe(404);
    const early = await post(
      rosterRoute,
      `/schedule/${s.id}`,
      w.trainer.id,
      { intent: "deliver", notes: "", ...marks },
      p,
    );
    expect(err(early)._form).toBe("workflow:err.notStarted");

    await db.trainingSession.update({
      where: { id: s.id },
      data: { startsAt: new Date(Date.now() - 2 * 3600_000), endsAt: new Date(Date.now() - 3600_000) },
    });
    const partial = await post(
      rosterRoute,
      `/schedule/${s.id}`,
      w.trainer.id,
      { intent: "deliver", notes: "", [`att-${a.id}`]: "present" },
      p,
    );
    expect(statusOf(partial)).toBe(400);
    expect(err(partial)._form).toBe("workflow:err.attendanceMissing");

    const done = await post(
      rosterRoute,
      `/schedule/${s.id}`,
      w.trainer.id,
      { intent: "deliver", notes: "Role-play went well", ...marks },
      p,
    );
    expect(statusOf(done)).toBe(302);
    const again = await post(
      rosterRoute,
      `/schedule/${s.id}`,
      w.trainer.id,
      { intent: "deliver", notes: "x", ...marks },
      p,
    );
    expect(statusOf(again)).toBe(409);

    const after = await db.trainingSession.findUniqueOrThrow({ where: { id: s.id } });
    expect(after).toMatchObject({ status: "delivered", notes: "Role-play went well" });
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).state).toBe("delivered");
    const attended = await db.courseProgress.findMany({
      where: { courseId: w.course.id, attendedAt: { not: null } },
      select: { userId: true },
    });
    expect(attended.map((x) => x.userId).sort()).toEqual([a.id, b.id].sort());
    expect(await db.survey.count({ where: { sessionId: s.id } })).toBe(1);
    // Those present are asked to answer the survey, by a notice that opens the survey itself.
    const survey = await db.survey.findFirstOrThrow({ where: { sessionId: s.id }, select: { id: true } });
    const asked = await db.notification.findMany({
      where: { kind: "attended", userId: { in: [a.id, b.id, c.id] } },
      select: { userId: true, link: true },
      orderBy: { userId: "asc" },
    });
    expect(asked).toEqual(
      [a.id, b.id].sort((x, y) => x - y).map((userId) => ({ userId, link: `/surveys/${survey.id}` })),
    );

    // The calendar file is for the people concerned only.
    const ics = await get(calendarRoute, `/calendar/${s.id}.ics`, c.id, { file: `${s.id}.ics` });
    expect(statusOf(ics)).toBe(200);
    expect(await (ics as Response).text()).toContain("BEGIN:VEVENT");
    expect(statusOf(await get(calendarRoute, `/calendar/${s.id}.ics`, w.stranger.id, { file: `${s.id}.ics` }))).toBe(
      404,
    );

    const version = (await db.trainingRequest.findUniqueOrThrow({ where: { id } })).version;
    const archived = await post(archiveRoute, "/archive", w.hr.id, {
      sessionId: String(s.id),
      version: String(version),
    });
    expect(statusOf(archived)).toBe(302);
    expect((await db.trainingRequest.findUniqueOrThrow({ where: { id } })).state).toBe("archived");
    expect((await db.trainingSession.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("archived");

    const csv = await get(csvRoute, `/archive.csv?trainer=${w.trainer.id}&team=${w.team.id}&state=archived`, w.hr.id);
    expect(statusOf(csv)).toBe(200);
    const bytes = new Uint8Array(await (csv as Response).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("投诉处理四步法");
    expect(text).toContain("Role-play went well");
    expect(text.split("\r\n").filter((l) => l.startsWith(`${s.id},${id},`))).toHaveLength(1);

    const reversed = await get(archiveRoute, "/archive?from=2026-12-31&to=2026-01-01", w.hr.id);
    expect(statusOf(reversed)).toBe(400);
  });
});

describe("trainer picker", () => {
  it("offers every active trainer: those qualified for the course first, then the others", async () => {
    const veteran = await createTestUser({ roles: ["TRAINER"], name: "Aaa Veteran" });
    const modules = await modulesOf(db, { courseId: w.course.id, seriesId: null });
    const before = await trainerChoices(db, modules);
    expect(before.find((t) => t.id === w.trainer.id)?.listed).toBe(true);
    expect(before.find((t) => t.id === veteran.id)?.listed).toBe(false);
    expect(before.find((t) => t.id === w.agents[0]!.id)).toBeUndefined();

    // Having taught the course once no longer qualifies (decision 036); a qualification record does.
    const when = new Date(Date.parse("2026-01-05T02:00:00Z"));
    await db.trainingSession.create({
      data: {
        courseId: w.course.id,
        trainerId: veteran.id,
        startsAt: when,
        endsAt: new Date(when.getTime() + 3_600_000),
        status: "archived",
      },
    });
    expect((await trainerChoices(db, modules)).find((t) => t.id === veteran.id)?.listed).toBe(false);
    await db.trainerQualification.create({ data: { trainerId: veteran.id, courseId: w.course.id, source: "hr" } });
    const after = await trainerChoices(db, modules);
    const firstUnlisted = after.findIndex((t) => !t.listed);
    const veteranAt = after.findIndex((t) => t.id === veteran.id);
    expect(after[veteranAt]?.listed).toBe(true);
    expect(firstUnlisted === -1 || veteranAt < firstUnlisted).toBe(true);
    expect(after.slice(firstUnlisted === -1 ? after.length : firstUnlisted).every((t) => !t.listed)).toBe(true);
  });
});
