// A series request: merged into one long session, or taught module by module on consecutive days.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db.server";
import * as detailRoute from "~/routes/requests.$id";
import * as rosterRoute from "~/routes/schedule.$id";
import { createRequest } from "~/workflow/requests.server";
import { applyTransition } from "~/workflow/transitions.server";
import { at, take } from "../../fixtures/lists";
import { future, post, requestForm, statusOf, world, type World } from "./helpers";

let w: World;
let series: { id: number; courses: number[] };
beforeAll(async () => {
  w = await world();
  const s = await db.series.create({
    data: { slug: `five-steps-${Date.now()}`, titleZh: "营销五部曲", titleEn: "Five steps", merge: "full-day" },
    select: { id: true },
  });
  const courses: number[] = [];
  for (let i = 1; i <= 3; i++) {
    const c = await db.course.create({
      data: {
        slug: `step-${s.id}-${i}`,
        titleZh: `第${i}步`,
        titleEn: `Step ${i}`,
        area: "customer-service",
        status: "accepted",
        seriesId: s.id,
        position: i,
      },
      select: { id: true },
    });
    const v = await db.courseVersion.create({
      data: { courseId: c.id, version: 1, contentHash: "h", frontMatter: "{}", body: "b" },
      select: { id: true },
    });
    await db.course.update({ where: { id: c.id }, data: { currentVersionId: v.id, liveVersionId: v.id } });
    // Only a qualification record qualifies (decision 036): the trainer holds one for each module.
    await db.trainerQualification.create({ data: { trainerId: w.trainer2.id, courseId: c.id, source: "hr" } });
    courses.push(c.id);
  }
  // A retired module is not taught.
  await db.course.create({
    data: {
      slug: `step-${s.id}-old`,
      titleZh: "旧",
      titleEn: "Old",
      area: "customer-service",
      status: "retired",
      seriesId: s.id,
      position: 9,
    },
  });
  series = { id: s.id, courses };
});

async function approvedSeries(delivery: string, attendee: number) {
  const f = requestForm(w, { target: `series:${series.id}`, delivery, attendees: [String(attendee)] });
  const { id } = await createRequest({ id: w.lead.id, roles: ["LEAD"], name: "Lead" }, {
    ...f,
    attendees: [attendee],
    priority: 2,
    slotKind: "morning",
    delivery,
  } as never);
  await applyTransition({ id: w.hr.id, roles: ["HR"], name: "HR" }, id, "approve", 1);
  return id;
}

function schedule(id: number, date: string, start: string) {
  return post(
    detailRoute,
    `/requests/${id}`,
    w.hr.id,
    {
      intent: "schedule",
      version: "2",
      trainerId: String(w.trainer2.id),
      date,
      start,
      end: "",
      roomId: "",
      onlineLink: "https://meet.example/room",
    },
    { id: String(id) },
  );
}

async function deliver(sessionId: number, userId: number) {
  await db.trainingSession.update({
    where: { id: sessionId },
    data: { startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() - 60_000) },
  });
  return post(
    rosterRoute,
    `/schedule/${sessionId}`,
    w.trainer2.id,
    { intent: "deliver", notes: "", [`att-${userId}`]: "present" },
    { id: String(sessionId) },
  );
}

describe("series requests", () => {
  it("a series must say how it is delivered", async () => {
    const f = requestForm(w, { target: `series:${series.id}`, delivery: "single" });
    await expect(
      createRequest({ id: w.lead.id, roles: ["LEAD"], name: "Lead" }, {
        ...f,
        attendees: f.attendees.map(Number),
        priority: 2,
        slotKind: "morning",
        delivery: "single",
      } as never),
    ).rejects.toMatchObject({ messageKey: "workflow:err.delivery" });
  });

  it("merged: one session as long as the live modules together; attending marks every module", async () => {
    const agent = w.agents[0];
    const id = await approvedSeries("full-day", agent.id);
    const [date, start] = take(future(40).split("T"), 2);
    expect(statusOf(await schedule(id, date, start))).toBe(302);
    const sessions = await db.trainingSession.findMany({ where: { requestId: id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ seriesId: series.id, courseId: null });
    expect(at(sessions, 0).endsAt.getTime() - at(sessions, 0).startsAt.getTime()).toBe(180 * 60_000);
    expect(statusOf(await deliver(at(sessions, 0).id, agent.id))).toBe(302);
    const marked = await db.courseProgress.findMany({
      where: { userId: agent.id, attendedAt: { not: null } },
      select: { courseId: true },
    });
    expect(marked.map((m) => m.courseId).sort()).toEqual([...series.courses].sort());
  });

  it("separate: one session per module on consecutive days; delivered once the last one is", async () => {
    const agent = w.agents[1];
    const id = await approvedSeries("separate", agent.id);
    const [date] = take(future(50).split("T"), 1);
    expect(statusOf(await schedule(id, date, "08:00"))).toBe(302);
    const sessions = await db.trainingSession.findMany({ where: { requestId: id }, orderBy: { startsAt: "asc" } });
    expect(sessions.map((s) => s.courseId)).toEqual(series.courses);
    expect(at(sessions, 1).startsAt.getTime() - at(sessions, 0).startsAt.getTime()).toBe(86_400_000);
    for (const [i, s] of sessions.entries()) {
      expect(statusOf(await deliver(s.id, agent.id))).toBe(302);
      const state = (await db.trainingRequest.findUniqueOrThrow({ where: { id } })).state;
      expect(state).toBe(i < sessions.length - 1 ? "scheduled" : "delivered");
    }
  });

  it("cancelling a scheduled request cancels its sessions and frees the slot", async () => {
    const agent = w.agents[2];
    const id = await approvedSeries("half-day", agent.id);
    const [date] = take(future(60).split("T"), 1);
    expect(statusOf(await schedule(id, date, "13:00"))).toBe(302);
    const version = (await db.trainingRequest.findUniqueOrThrow({ where: { id } })).version;
    await applyTransition({ id: w.hr.id, roles: ["HR"], name: "HR" }, id, "cancel", version, "Trainer ill");
    expect((await db.trainingSession.findMany({ where: { requestId: id } })).map((s) => s.status)).toEqual([
      "cancelled",
    ]);
    expect(await db.notification.count({ where: { userId: agent.id, kind: "cancelled" } })).toBe(1);
    const again = await approvedSeries("half-day", agent.id);
    expect(statusOf(await schedule(again, date, "13:00"))).toBe(302);
  });
});
