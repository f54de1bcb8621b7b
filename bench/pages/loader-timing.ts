// Times, in this process, the loaders' work behind the needs, development, coverage and
// competency bench pages on the bench's own data (seed + those scenarios' prepare), so a change
// can be judged without a server or a load generator sharing the cores.
// Usage: tsx bench/pages/loader-timing.ts DB_FILE [RUNS] — prints one line per step and a JSON
// summary ({ step: { first, p50, p95, cpuP50, cpuP95 } } in ms, and `bytes`: the answer as JSON).
// LOADER_PAGES=trainee times the catalogue (1,000 generated courses), its search, the 20,000-
// character lesson, the trainee home and HR's queue over 10,000 requests instead.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { generateContent } from "../catalogue/generate";
import { openDb } from "../lib/session-row";

const [dbArg, runsArg] = process.argv.slice(2);
if (!dbArg) {
  console.error("usage: tsx bench/pages/loader-timing.ts DB_FILE [RUNS]");
  process.exit(2);
}
const dbFile = path.resolve(dbArg);
const RUNS = Number(runsArg ?? 20);
const root = path.resolve(import.meta.dirname, "../..");
for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
process.env.DATABASE_URL = `file:${dbFile}`;

const trainee = process.env.LOADER_PAGES === "trainee";
if (trainee) process.env.CONTENT_DIR = generateContent(path.join(path.dirname(dbFile), "catalogue-content"), 1000);
const seeded = spawnSync("npx", ["tsx", "prisma/seed.ts"], { cwd: root, env: process.env, stdio: "ignore" });
if (seeded.status !== 0) throw new Error("seeding failed");
for (const name of trainee ? ["workflow"] : ["needs", "development", "coverage", "competency"]) {
  const s = (await import(`../scenarios/${name}.ts`)).default as {
    prepare(ctx: { dbFile: string; tmpDir: string }): Promise<void>;
  };
  const t0 = performance.now();
  await s.prepare({ dbFile, tmpDir: path.dirname(dbFile) });
  console.log(`prepared ${name} in ${Math.round(performance.now() - t0)} ms`);
}

async function staffSteps(): Promise<Record<string, () => Promise<unknown>>> {
  const raw = openDb(dbFile);
  const ids = {
    round: (raw.prepare("SELECT MAX(id) AS id FROM NeedsRound").get() as { id: number }).id,
    project: (raw.prepare("SELECT MAX(id) AS id FROM CourseProject").get() as { id: number }).id,
    team: (raw.prepare("SELECT id FROM Team WHERE name LIKE 'bench:competency%'").get() as { id: number }).id,
    person: (raw.prepare("SELECT id FROM User WHERE email = 'bench-comp-0@weike.test'").get() as { id: number }).id,
    hr: (raw.prepare("SELECT id FROM User WHERE email = 'hr@weike.test'").get() as { id: number }).id,
  };
  raw.close();

  const { roundResults } = await import("../../app/needs/results.server");
  const { resultsCsv } = await import("../../app/needs/export.server");
  const { getProject } = await import("../../app/development/projects.server");
  const { projectVersions, versionDiff, projectComments } = await import("../../app/development/drafts.server");
  const { projectHistory } = await import("../../app/development/projects.server");
  const { coverage } = await import("../../app/assignments/coverage.server");
  const { coverageCsv, coverageTeams } = await import("../../app/assignments/coverage-view.server");
  const { loadTeamHeatmap, loadProfile } = await import("../../app/competency/profile.server");

  const hr = { id: ids.hr, roles: ["HR" as const] };

  async function developmentPage() {
    const project = await getProject(hr, ids.project);
    const [drafts] = await Promise.all([
      projectVersions(project.id, project.courses),
      projectComments(project.id),
      projectHistory(project.id, "zh"),
    ]);
    const shown = drafts[0]!;
    const [b, a] = shown.versions.map((v) => v.version);
    return versionDiff(shown.course.id, a!, b!);
  }

  return {
    "needs results": () => roundResults(ids.round),
    "needs CSV": () => resultsCsv(ids.round, "zh"),
    "development page": developmentPage,
    "coverage page": async () => {
      const { teamIds } = await coverageTeams(hr);
      return coverage({ teamIds });
    },
    "coverage CSV": async () => coverageCsv(await coverage({ teamIds: null }), "zh"),
    "competency heatmap": () => loadTeamHeatmap(ids.team),
    "competency profile": () => loadProfile(ids.person),
  };
}

const steps = trainee ? await (await import("./trainee-steps")).traineeSteps(dbFile) : await staffSteps();

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
const r1 = (n: number) => Math.round(n * 10) / 10;
// Wall time, and the CPU time this process spent (better-sqlite3 runs the queries on the same
// thread, so that is how long one such request holds the server).
const summary: Record<
  string,
  { first: number; p50: number; p95: number; cpuP50: number; cpuP95: number; bytes: number }
> = {};
for (const [name, fn] of Object.entries(steps)) {
  let t0 = performance.now();
  const answer = await fn();
  const first = performance.now() - t0;
  const bytes = Buffer.byteLength(JSON.stringify(answer) ?? "");
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const s = { first: r1(first), p50: r1(pct(times, 50)), p95: r1(pct(times, 95)) };
  summary[name] = { ...s, cpuP50: r1(pct(cpu, 50)), cpuP95: r1(pct(cpu, 95)), bytes };
  console.log(
    `${name.padEnd(20)} first ${s.first} ms, p50 ${s.p50} ms, p95 ${s.p95} ms; CPU p50 ${summary[name].cpuP50} ms, p95 ${summary[name].cpuP95} ms; ${bytes} bytes`,
  );
}
console.log(JSON.stringify(summary));
process.exit(0);
