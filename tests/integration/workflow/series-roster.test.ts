// Scheduling with the roster (decision 044): the form proposes clean times, a separate series goes
// into the team's successive morning classes around rest days, too few classes is refused with a
// message, and a time typed by hand names who is off shift.
import { beforeAll, describe, expect, it } from "vitest";
import { addLocalDays, localDay } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { schedulingPanel } from "~/workflow/request-page.server";
import { createRequest } from "~/workflow/requests.server";
import { scheduleRequest } from "~/workflow/scheduling.server";
import { parseLocal } from "~/workflow/time";
import { applyTransition } from "~/workflow/transitions.server";
import { future, requestForm, world, type World } from "./helpers";

const EARLY = { code: "早班", startMin: 480, endMin: 1020, rest: false };
const REST = { code: "休", startMin: 0, endMin: 0, rest: true };

let w: World;
let series: number;
let day0: string;
const hr = () => ({ id: w.hr.id, roles: ["HR" as const], name: "HR" });

beforeAll(async () => {
  w = await world();
  await db.classSlotRule.create({
    data: { teamId: w.team.id, weekdays: "1,2,3,4,5,6,7", morningCode: "早班", beforeShift: false, afterShift: false },
  });
  const s = await db.series.create({
    data: { slug: `roster-series-${Date.now()}`, titleZh: "三步", titleEn: "Three steps", merge: "full-day" },
    select: { id: true },
  });
  for (let i = 1; i <= 3; i++) {
    const c = await db.course.create({
      data: {
        slug: `rs-${s.id}-${i}`,
        titleZh: `第${i}步`,
        titleEn: `Step ${i}`,
        area: "customer-service",
        status: "accepted",
        seriesId: s.id,
        position: i,
        durationMinutes: 60,
      },
      select: { id: true },
    });
    // In the library: a live version, as HR entering it would leave it (decision 035).
    const v = await db.courseVersion.create({
      data: { courseId: c.id, version: 1, contentHash: `live-${c.id}`, frontMatter: "{}", body: "" },
      select: { id: true },
    });
    await db.course.update({ where: { id: c.id }, data: { currentVersionId: v.id, liveVersionId: v.id } });
    await db.trainerQualification.create({ data: { trainerId: w.trainer2.id, courseId: c.id, source: "hr" } });
  }
  series = s.id;
  day0 = future(20).slice(0, 10);
  const roster = (userId: number, days: (typeof EARLY)[]) =>
    db.rosterEntry.createMany({ data: days.map((s, i) => ({ userId, day: addLocalDays(day0, i), ...s })) });
  // Agent 1 works every day; Agent 2 rests on day 1; Agent 4 rests on day 0; Agent 3 works two days only.
  await roster(w.agents[0].id, [EARLY, EARLY, EARLY, EARLY, EARLY]);
  await roster(w.agents[1].id, [EARLY, REST, EARLY, EARLY, EARLY]);
  await roster(w.agents[2].id, [EARLY, EARLY]);
  await roster(w.agents[3].id, [REST, EARLY]);
});

async function approved(delivery: string, attendees: number[]) {
  const f = requestForm(w, { target: `series:${series}`, delivery });
  const { id } = await createRequest({ id: w.lead.id, roles: ["LEAD"], name: "Lead" }, {
    ...f,
    attendees,
    priority: 2,
    slotKind: "morning",
    delivery,
  } as never);
  await applyTransition(hr(), id, "approve", 1);
  return id;
}

const form = (date: string, start: string) => ({
  intent: "schedule" as const,
  version: 2,
  trainerId: w.trainer2.id,
  trainerReason: "",
  date,
  start,
  end: "",
  roomId: String(w.room.id),
  onlineLink: "",
});

describe("scheduling with the roster", () => {
  it("proposes clean morning classes first and flags who rests by name", async () => {
    const id = await approved("separate", [w.agents[0].id, w.agents[1].id]);
    const attendees = [w.agents[0], w.agents[1]].map((a) => ({ userId: a.id, user: { name: a.name } }));
    const panel = await schedulingPanel(
      { courseId: null, seriesId: series, delivery: "separate", preferred: [], slotKind: "morning", attendees },
      null,
      { trainerId: String(w.trainer2.id), roomId: String(w.room.id) },
      parseLocal(addLocalDays(day0, -1), "12:00")!,
    );
    expect(panel.proposals.map((p) => p.value)).toEqual([
      `${day0}T08:00`,
      `${addLocalDays(day0, 2)}T08:00`,
      `${addLocalDays(day0, 3)}T08:00`,
      `${addLocalDays(day0, 4)}T08:00`,
      `${addLocalDays(day0, 1)}T08:00`,
    ]);
    expect(panel.proposals[4]!.flagged).toEqual([{ name: w.agents[1].name, reason: "rest" }]);
    expect(panel.proposals.slice(0, 4).every((p) => p.flagged.length === 0)).toBe(true);
    await db.trainingRequest.delete({ where: { id } });
  });

  it("puts a separate series into successive morning classes, skipping an attendee's rest day", async () => {
    const id = await approved("separate", [w.agents[0].id, w.agents[1].id]);
    const done = await scheduleRequest(hr(), id, form(day0, "08:00"));
    expect(done.flagged).toEqual([]);
    const sessions = await db.trainingSession.findMany({ where: { requestId: id }, orderBy: { startsAt: "asc" } });
    expect(sessions.map((s) => localDay(s.startsAt))).toEqual([day0, addLocalDays(day0, 2), addLocalDays(day0, 3)]);
    expect(sessions.map((s) => s.startsAt.getTime())).toEqual(
      [0, 2, 3].map((n) => parseLocal(addLocalDays(day0, n), "08:00")!.getTime()),
    );
    expect(done.lastDay).toBe(addLocalDays(day0, 3));
  });

  it("refuses a separate series when the roster has too few morning classes, saying how many", async () => {
    const id = await approved("separate", [w.agents[2].id]);
    await expect(scheduleRequest(hr(), id, form(day0, "08:00"))).rejects.toMatchObject({
      messageKey: "workflow:err.seriesSlotsShort",
      params: { needed: 3, found: 2 },
    });
    expect(await db.trainingSession.count({ where: { requestId: id } })).toBe(0);
  });

  it("a merged series is one block; a time typed on someone's rest day names them", async () => {
    const id = await approved("full-day", [w.agents[3].id]);
    const done = await scheduleRequest(hr(), id, { ...form(day0, "13:00"), roomId: String(w.tiny.id) });
    expect(done.sessions).toBe(1);
    expect(done.flagged).toEqual([{ userId: w.agents[3].id, name: w.agents[3].name, reason: "rest" }]);
    const [only] = await db.trainingSession.findMany({ where: { requestId: id } });
    expect(only!.endsAt.getTime() - only!.startsAt.getTime()).toBe(180 * 60_000);
  });
});
