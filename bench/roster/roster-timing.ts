// Times a roster import of ROSTER_AGENTS agents over ROSTER_DAYS days (default 2,000 × 91, about
// 182,000 lines) on a fresh database: planning (parse + validate in one pass) and the whole
// transaction; then proposeSlots for a request of 30 attendees over that roster.
// Usage: tsx bench/roster/roster-timing.ts DB_FILE — prints one JSON line.
import { rmSync } from "node:fs";

const [dbFile] = process.argv.slice(2);
if (!dbFile) {
  console.error("usage: tsx bench/roster/roster-timing.ts DB_FILE");
  process.exit(2);
}
const AGENTS = Number(process.env.ROSTER_AGENTS ?? 2000);
const DAYS = Number(process.env.ROSTER_DAYS ?? 91);
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
process.env.DATABASE_URL = `file:${dbFile}`;
const { migrateDatabase } = await import("../../app/lib/db/migrations.server");
migrateDatabase(process.env.DATABASE_URL, "prisma/migrations");
const { db } = await import("../../app/lib/db.server");
const { addLocalDays, parseLocal } = await import("../../app/lib/clock");
const { applyRoster, previewRoster } = await import("../../app/roster/import.server");
const { proposeSlots } = await import("../../app/roster/propose.server");

const team = await db.team.create({ data: { name: "排班压测组" } });
const trainer = await db.user.create({
  data: { email: "bench-trainer@weike.test", name: "讲师", employeeNo: "BT-1", passwordHash: "", teamId: null },
});
await db.user.createMany({
  data: Array.from({ length: AGENTS }, (_, i) => ({
    email: `agent${i}@weike.test`,
    name: `坐席 ${i}`,
    employeeNo: `R${String(i).padStart(5, "0")}`,
    passwordHash: "",
    teamId: team.id,
  })),
});
const actor = trainer.id;

// Rotating shifts, one rest day in seven per agent, staggered across the floor.
const FIRST = "2027-01-04"; // a Monday
const CODES = ["早班", "中班", "晚班"];
const lines = ["工号,日期,班次"];
for (let d = 0; d < DAYS; d++) {
  const day = addLocalDays(FIRST, d);
  for (let i = 0; i < AGENTS; i++) {
    const code = (d + i) % 7 === 6 ? "休" : CODES[(Math.floor(d / 7) + i) % 3]!;
    lines.push(`R${String(i).padStart(5, "0")},${day},${code}`);
  }
}
const text = lines.join("\n") + "\n";

// Wall time and this process's CPU time: on a shared machine the wall time also counts waiting
// for a core, the CPU time does not (SQLite runs in this process, so its work is included).
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};
let t = performance.now();
let cpu = process.cpuUsage();
const plan = await previewRoster(text);
const planMs = Math.round(performance.now() - t);
const planCpuMs = cpuMs(cpu);
t = performance.now();
cpu = process.cpuUsage();
const counts = await applyRoster(actor, text);
const importMs = Math.round(performance.now() - t);
const importCpuMs = cpuMs(cpu);

const attendees = await db.user.findMany({ where: { teamId: team.id }, take: 30, select: { id: true } });
t = performance.now();
const proposals = await proposeSlots({
  attendeeIds: attendees.map((a) => a.id),
  trainerId: trainer.id,
  room: "A101",
  durationMinutes: 60,
  kind: "morning",
  from: parseLocal(FIRST, "00:00")!,
  count: 5,
});
const proposeMs = Math.round(performance.now() - t);

console.log(
  JSON.stringify({
    agents: AGENTS,
    days: DAYS,
    lines: lines.length - 1,
    errors: plan.counts.errors,
    stored: counts.lines,
    planMs,
    planCpuMs,
    importMs,
    importCpuMs,
    proposeMs,
    proposals: proposals.length,
  }),
);
await db.$disconnect();
