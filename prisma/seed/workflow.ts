// Training rooms of the demo call center. Idempotent: an existing room keeps its capacity.
import type { Db } from "../../app/lib/db.server";

export const DEMO_ROOMS = [
  { name: "培训室 A Training room A", capacity: 30 },
  { name: "培训室 B Training room B", capacity: 12 },
  { name: "会议室 3 Meeting room 3", capacity: 6 },
];

export async function seedWorkflow(db: Db) {
  let created = 0;
  for (const room of DEMO_ROOMS) {
    const existing = await db.room.findUnique({ where: { name: room.name }, select: { id: true } });
    if (existing) continue;
    await db.room.create({ data: room, select: { id: true } });
    created++;
  }
  return created;
}
