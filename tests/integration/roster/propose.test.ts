import { describe, expect, it } from "vitest";
import { parseLocal } from "~/lib/clock";
import { db } from "~/lib/db.server";
import { proposeSlots } from "~/roster/propose.server";
import { createTestTeam, createTestUser } from "../../fixtures/users";

const EARLY = { code: "早班", startMin: 480, endMin: 1020, rest: false };
const MIDDLE = { code: "中班", startMin: 720, endMin: 1260, rest: false };
const REST = { code: "休", startMin: 0, endMin: 0, rest: true };

async function rostered(userId: number, days: Record<string, typeof EARLY>) {
  await db.rosterEntry.createMany({ data: Object.entries(days).map(([day, s]) => ({ userId, day, ...s })) });
}

// 2026-06-01 is a Monday. Mornings Mon, Tue, Wed; the team's rule: morning class of 早班, Mon–Fri.
async function setup() {
  const team = await createTestTeam();
  await db.classSlotRule.create({
    data: { teamId: team.id, weekdays: "1,2,3,4,5", morningCode: "早班", beforeShift: true, afterShift: false },
  });
  const trainer = await createTestUser({ roles: ["TRAINER"] });
  const a = await createTestUser({ teamId: team.id });
  const b = await createTestUser({ teamId: team.id });
  const week = { "2026-06-01": EARLY, "2026-06-02": EARLY, "2026-06-03": EARLY };
  await rostered(a.id, week);
  await rostered(b.id, { ...week, "2026-06-02": REST, "2026-06-03": MIDDLE });
  return { team, trainer, a, b };
}

const input = (trainerId: number, attendeeIds: number[], room = "A101") => ({
  attendeeIds,
  trainerId,
  room,
  durationMinutes: 60,
  kind: "morning" as const,
  from: parseLocal("2026-06-01", "00:00")!,
  count: 5,
});

describe("proposeSlots on the stored roster", () => {
  it("proposes the morning classes, clean ones first, flagging who rests or works another shift", async () => {
    const { trainer, a, b } = await setup();
    const got = await proposeSlots(input(trainer.id, [a.id, b.id]));
    expect(got.map((p) => [p.day, p.start, p.end, p.flagged])).toEqual([
      ["2026-06-01", "08:00", "09:00", []],
      ["2026-06-02", "08:00", "09:00", [{ userId: b.id, reason: "rest" }]],
      ["2026-06-03", "08:00", "09:00", [{ userId: b.id, reason: "otherShift" }]],
    ]);
    expect(got[0]!.startsAt).toEqual(parseLocal("2026-06-01", "08:00"));
  });

  it("skips times when the trainer, the room or an attendee already has a session", async () => {
    const { trainer, a, b } = await setup();
    const other = await createTestUser({ roles: ["TRAINER"] });
    const session = (day: string, data: { trainerId: number; room?: string }) =>
      db.trainingSession.create({
        data: {
          ...data,
          startsAt: parseLocal(day, "08:30")!,
          endsAt: parseLocal(day, "09:30")!,
          title: "其他培训",
          kind: "other",
        },
        select: { id: true },
      });
    await session("2026-06-01", { trainerId: trainer.id }); // the trainer is busy on Monday
    await session("2026-06-02", { trainerId: other.id, room: "A101" }); // the room on Tuesday
    const wed = await session("2026-06-03", { trainerId: other.id, room: "B202" }); // B on Wednesday
    await db.sessionAttendee.create({ data: { sessionId: wed.id, userId: b.id } });
    expect(await proposeSlots(input(trainer.id, [a.id, b.id]))).toEqual([]);
    // In another room, Tuesday is free again; a cancelled session blocks nothing.
    await db.trainingSession.updateMany({ where: { id: wed.id }, data: { status: "cancelled" } });
    const got = await proposeSlots(input(trainer.id, [a.id, b.id], "C303"));
    expect(got.map((p) => p.day)).toEqual(["2026-06-02", "2026-06-03"]);
  });

  it("before-shift classes end as the attendees' shift starts", async () => {
    const { trainer, a } = await setup();
    const got = await proposeSlots({ ...input(trainer.id, [a.id]), kind: "before" });
    expect(got.map((p) => [p.day, p.start, p.end, p.flagged.length])).toEqual([
      ["2026-06-01", "07:00", "08:00", 0],
      ["2026-06-02", "07:00", "08:00", 0],
      ["2026-06-03", "07:00", "08:00", 0],
    ]);
  });
});
