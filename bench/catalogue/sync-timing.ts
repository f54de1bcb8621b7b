// Times content sync on a fresh database: cold (every file new), then unchanged (no writes).
// Usage: tsx bench/catalogue/sync-timing.ts CONTENT_DIR DB_FILE — prints one JSON line.
import { rmSync } from "node:fs";

const [contentDir, dbFile] = process.argv.slice(2);
if (!contentDir || !dbFile) {
  console.error("usage: tsx bench/catalogue/sync-timing.ts CONTENT_DIR DB_FILE");
  process.exit(2);
}
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
process.env.DATABASE_URL = `file:${dbFile}`;
const { migrateDatabase } = await import("../../app/lib/db/migrations.server");
migrateDatabase(process.env.DATABASE_URL, "prisma/migrations");
const { syncContent } = await import("../../app/content/sync.server");
const { db } = await import("../../app/lib/db.server");
const { isClaimProblem } = await import("../../app/library/claim-problem");
await db.user.count(); // opens the connection, as a running server already has

const quiet = { log: () => {}, warn: () => {} };
// CPU time beside wall time: on a shared machine the difference is time spent waiting for a core.
const cpuMs = (since: NodeJS.CpuUsage) => Math.round(process.cpuUsage(since).user / 1000);
let t = performance.now();
let cpu = process.cpuUsage();
const cold = await syncContent(contentDir, quiet);
const coldMs = Math.round(performance.now() - t);
const coldCpuMs = cpuMs(cpu);
// Unrecorded `accepted` claims are reported, not broken files (decision 035).
const broken = cold.problems.filter((p) => !isClaimProblem(p)).length;
t = performance.now();
cpu = process.cpuUsage();
const again = await syncContent(contentDir, quiet);
const unchangedMs = Math.round(performance.now() - t);
const unchangedCpuMs = cpuMs(cpu);
console.log(
  JSON.stringify({
    files: cold.created + broken,
    created: cold.created,
    coldMs,
    coldCpuMs,
    unchanged: again.unchanged,
    unchangedWrites: again.created + again.newVersions,
    unchangedMs,
    unchangedCpuMs,
    problems: broken,
  }),
);
await db.$disconnect();
