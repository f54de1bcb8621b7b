// Training rooms of the demo call center, and two requests so the queue is not empty on a fresh
// demo. Idempotent: existing rooms are kept, and requests are only added to an empty queue.
import type { Db } from "../../app/lib/db.server";

export const DEMO_ROOMS = [
  { name: "培训室 A Training room A", capacity: 30 },
  { name: "培训室 B Training room B", capacity: 12 },
  { name: "会议室 3 Meeting room 3", capacity: 6 },
];

const DAY = 86_400_000;

/** 08:30 in the center's zone (UTC+8), some days from now. */
function morning(days: number) {
  const local = new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);
  return new Date(`${local}T08:30:00+08:00`).toISOString();
}

async function seedRequests(db: Db) {
  if ((await db.trainingRequest.count()) > 0) return 0;
  const lead = await db.user.findUnique({ where: { email: "lead@weike.test" }, select: { id: true, teamId: true } });
  const hr = await db.user.findUnique({ where: { email: "hr@weike.test" }, select: { id: true } });
  const agents = await db.user.findMany({
    where: {
      email: { in: ["trainee@weike.test", "trainee2@weike.test", "trainee3@weike.test", "trainee4@weike.test"] },
    },
    select: { id: true },
  });
  const course = await db.course.findUnique({ where: { slug: "complaint-four-steps" }, select: { id: true } });
  const series = await db.series.findUnique({ where: { slug: "marketing-five-steps" }, select: { id: true } });
  if (!lead || !hr || !course || !series || agents.length < 4) return 0;
  await db.trainingRequest.create({
    data: {
      requesterId: lead.id,
      teamId: lead.teamId,
      courseId: course.id,
      slotKind: "morning",
      preferred: JSON.stringify([morning(14), morning(15), morning(16)]),
      need: "本月投诉升级率上升，新人处理情绪激动的客户时容易慌乱，希望系统练习投诉处理四步法。",
      priority: 3,
      headcount: 3,
      attendees: { create: agents.slice(0, 3).map((a) => ({ userId: a.id })) },
      transitions: { create: { actorId: lead.id, action: "create", fromState: "", toState: "submitted" } },
    },
  });
  await db.trainingRequest.create({
    data: {
      requesterId: lead.id,
      teamId: lead.teamId,
      seriesId: series.id,
      delivery: "half-day",
      slotKind: "after-shift",
      preferred: JSON.stringify([morning(21), morning(28)]),
      need: "双十一前需要提升外呼营销转化，希望用半天集中学习营销五部曲。",
      priority: 2,
      headcount: 4,
      state: "approved",
      version: 2,
      attendees: { create: agents.map((a) => ({ userId: a.id })) },
      transitions: {
        create: [
          { actorId: lead.id, action: "create", fromState: "", toState: "submitted" },
          { actorId: hr.id, action: "approve", fromState: "submitted", toState: "approved" },
        ],
      },
    },
  });
  return 2;
}

export async function seedWorkflow(db: Db) {
  let rooms = 0;
  for (const room of DEMO_ROOMS) {
    const existing = await db.room.findUnique({ where: { name: room.name }, select: { id: true } });
    if (existing) continue;
    await db.room.create({ data: room, select: { id: true } });
    rooms++;
  }
  return { rooms, requests: await seedRequests(db) };
}
