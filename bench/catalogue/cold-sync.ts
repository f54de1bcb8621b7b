// Cold content sync, phase by phase: each run is a fresh process on a freshly migrated SQLite
// file, as `npm run content:sync` or a server's first start on an empty database would be. It
// syncs the folder (every file new), then once more unchanged, and reports wall and CPU time
// per phase (sync-phases.ts). The parent runs it N times and prints the p50 of each figure.
//
//   npx tsx bench/catalogue/cold-sync.ts [--runs 5] [--content DIR] [--out FILE] [--cpu-prof DIR]
//
// Without --content it generates the catalogue bench folder (1,000 modules plus the real
// lessons) under bench/.tmp. --cpu-prof writes a V8 CPU profile of the first run into DIR.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { PhaseFigures } from "../../app/content/sync-phases";
import { generateContent } from "./generate";

export type ColdSyncRun = {
  files: number;
  created: number;
  problems: number;
  coldMs: number;
  coldCpuMs: number;
  phases: PhaseFigures;
  unchanged: number;
  unchangedWrites: number;
  unchangedMs: number;
  unchangedCpuMs: number;
};

export type ColdSyncSummary = { runs: ColdSyncRun[]; p50: Omit<ColdSyncRun, "phases"> & { phases: PhaseFigures } };

const SELF = path.resolve(import.meta.dirname, "cold-sync.ts");
const cpu = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
};

/** One run in this process (the child side). */
async function runOnce(contentDir: string, dbFile: string): Promise<ColdSyncRun> {
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  process.env.DATABASE_URL = `file:${dbFile}`;
  const { migrateDatabase } = await import("../../app/lib/db/migrations.server");
  migrateDatabase(process.env.DATABASE_URL, "prisma/migrations");
  const { syncContent } = await import("../../app/content/sync.server");
  const { recordSyncPhases, stopRecordingSyncPhases } = await import("../../app/content/sync-phases");
  const { db } = await import("../../app/lib/db.server");
  const { isClaimProblem } = await import("../../app/library/claim-problem");
  await db.user.count(); // opens the connection, as a running server already has

  const quiet = { log: () => {}, warn: () => {} };
  const phases = recordSyncPhases();
  let t = performance.now();
  let c = process.cpuUsage();
  const cold = await syncContent(contentDir, quiet);
  const coldMs = Math.round(performance.now() - t);
  const coldCpuMs = cpu(c);
  stopRecordingSyncPhases();
  // Unrecorded `accepted` claims are reported, not broken files (decision 035).
  const broken = cold.problems.filter((p) => !isClaimProblem(p)).length;
  t = performance.now();
  c = process.cpuUsage();
  const again = await syncContent(contentDir, quiet);
  const unchangedMs = Math.round(performance.now() - t);
  const unchangedCpuMs = cpu(c);
  await db.$disconnect();
  for (const p of Object.values(phases)) {
    p.wallMs = Math.round(p.wallMs);
    p.cpuMs = Math.round(p.cpuMs);
  }
  return {
    files: cold.created + broken,
    created: cold.created,
    problems: broken,
    coldMs,
    coldCpuMs,
    phases,
    unchanged: again.unchanged,
    unchangedWrites: again.created + again.newVersions,
    unchangedMs,
    unchangedCpuMs,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2);
};

export function summarise(runs: ColdSyncRun[]): ColdSyncSummary {
  const first = runs[0]!;
  const num = (pick: (r: ColdSyncRun) => number) => median(runs.map(pick));
  const phases = Object.fromEntries(
    Object.keys(first.phases).map((k) => {
      const name = k as keyof PhaseFigures;
      return [name, { wallMs: num((r) => r.phases[name].wallMs), cpuMs: num((r) => r.phases[name].cpuMs) }];
    }),
  ) as PhaseFigures;
  return {
    runs,
    p50: {
      files: first.files,
      created: first.created,
      problems: first.problems,
      coldMs: num((r) => r.coldMs),
      coldCpuMs: num((r) => r.coldCpuMs),
      phases,
      unchanged: first.unchanged,
      unchangedWrites: Math.max(...runs.map((r) => r.unchangedWrites)),
      unchangedMs: num((r) => r.unchangedMs),
      unchangedCpuMs: num((r) => r.unchangedCpuMs),
    },
  };
}

/** Runs the cold sync `runs` times, each in a fresh process and database (the parent side). */
export function coldSync(contentDir: string, workDir: string, runs: number, cpuProfDir?: string): ColdSyncSummary {
  mkdirSync(workDir, { recursive: true });
  const results: ColdSyncRun[] = [];
  for (let i = 0; i < runs; i++) {
    const prof = cpuProfDir && i === 0 ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
    const out = execFileSync(
      process.execPath,
      [...prof, "--import", "tsx", SELF, "--child", contentDir, path.join(workDir, `cold-sync-${i}.db`)],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    results.push(JSON.parse(out.trim().split("\n").pop()!) as ColdSyncRun);
    for (const f of ["", "-wal", "-shm"]) rmSync(path.join(workDir, `cold-sync-${i}.db${f}`), { force: true });
  }
  return summarise(results);
}

function printTable(s: ColdSyncSummary) {
  const p = s.p50;
  console.log(`cold sync of ${p.files} course files, p50 of ${s.runs.length} fresh runs (wall / CPU ms)`);
  for (const [name, f] of Object.entries(p.phases))
    console.log(`  ${name.padEnd(12)} ${String(f.wallMs).padStart(6)} / ${String(f.cpuMs).padStart(6)}`);
  console.log(
    `  ${"total".padEnd(12)} ${String(p.coldMs).padStart(6)} / ${String(p.coldCpuMs).padStart(6)}   target ≤ 2000 ms wall: ${p.coldMs <= 2000 ? "met" : "MISSED"}`,
  );
  console.log(
    `  ${"unchanged".padEnd(12)} ${String(p.unchangedMs).padStart(6)} / ${String(p.unchangedCpuMs).padStart(6)}   writes ${p.unchangedWrites}`,
  );
  console.log(`  runs (wall ms): ${s.runs.map((r) => r.coldMs).join(", ")}`);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      child: { type: "boolean", default: false },
      runs: { type: "string", default: "5" },
      content: { type: "string" },
      out: { type: "string" },
      "cpu-prof": { type: "string" },
    },
  });
  if (values.child) {
    const [contentDir, dbFile] = positionals;
    if (!contentDir || !dbFile) throw new Error("--child CONTENT_DIR DB_FILE");
    console.log(JSON.stringify(await runOnce(contentDir, dbFile)));
    return;
  }
  const workDir = path.resolve("bench/.tmp/cold-sync");
  const contentDir = values.content ?? generateContent(path.join(workDir, "content"), 1000);
  const summary = coldSync(contentDir, workDir, Number(values.runs), values["cpu-prof"]);
  printTable(summary);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === SELF) await main();
