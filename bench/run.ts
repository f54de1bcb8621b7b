// npm run bench: starts the production build on a throwaway database, runs every scenario in
// bench/scenarios/ against it, writes bench/results/latest.json and prints a table.
// BENCH_DB=postgres: the same database (seeded and prepared as a SQLite file, then copied with
// db:copy, checksums verified) on a throwaway PostgreSQL cluster on BENCH_PG_PORT (default 55470),
// stopped at the end. BENCH_INSTANCES=N (default 1): N instances behind nginx (scripts/cluster.sh)
// on BENCH_PORT, the load going through nginx.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runLoad } from "./lib/load";
import { insertSessionRow } from "./lib/session-row";
import type { BenchContext, BenchRow, LoadResult, Scenario } from "./lib/types";

const root = path.resolve(import.meta.dirname, "..");
const tmpDir = path.join(root, "bench/.tmp");
const dbFile = path.join(tmpDir, "bench.db");
const port = Number(process.env.BENCH_PORT ?? 3300);
const engine = process.env.BENCH_DB === "postgres" ? "postgres" : "sqlite";
const instances = Math.max(1, Number(process.env.BENCH_INSTANCES ?? 1) || 1);
const pgPort = Number(process.env.BENCH_PG_PORT ?? 55470);
const clusterDir = path.join(os.tmpdir(), `weike-bench-cluster-${port}`);
// nginx listens on 127.0.0.1 only.
const baseUrl = instances > 1 ? `http://127.0.0.1:${port}` : `http://localhost:${port}`;
// Their measuring phases read or write the SQLite file with SQLite's own SQL: not ported yet.
const SQLITE_ONLY = new Set(["burst-reads", "coverage", "exams", "response-drills", "typing-stream"]);
// The same V8 heap limits as `npm start`: without them V8 lets an idle-collected heap grow
// several times past what the server needs.
const SERVER_NODE_FLAGS = ["--max-old-space-size=160", "--max-semi-space-size=8"];
const only = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);

async function loadScenarios(): Promise<Scenario[]> {
  const files = readdirSync(path.join(root, "bench/scenarios"))
    .filter((f) => f.endsWith(".ts"))
    .sort();
  const list: Scenario[] = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(path.join(root, "bench/scenarios", f)).href);
    const s: Scenario = mod.default;
    if (!(s.name === "foundation" || only.length === 0 || only.includes(s.name))) continue;
    if (engine === "postgres" && SQLITE_ONLY.has(s.name)) {
      console.log(`[bench] skipping ${s.name} on PostgreSQL: it reads the SQLite file directly while it runs`);
      continue;
    }
    list.push(s);
  }
  // The reference pages first: everything else is compared with the baseline.
  return list.sort((a, b) =>
    a.name === "foundation" ? -1 : b.name === "foundation" ? 1 : a.name.localeCompare(b.name),
  );
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

function rssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

async function waitForHealth(timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not become healthy in time");
}

async function main() {
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const scenarios = await loadScenarios();
  const extraEnv = Object.assign({}, ...scenarios.map((s) => s.env?.(tmpDir) ?? {}));
  const env = {
    ...process.env,
    ...extraEnv,
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    NODE_ENV: "production",
    // The bare page every ratio is measured against exists only in servers the bench starts.
    WEIKE_BENCH_BASELINE: "1",
    // As `npm start` sets it: two malloc arenas instead of one per thread (decision 047).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
  };

  console.log("[bench] seeding the throwaway database");
  await run("npx", ["tsx", "prisma/seed.ts"], env);
  for (const s of scenarios) {
    if (!s.prepare) continue;
    const t0 = performance.now();
    await s.prepare({ dbFile, tmpDir });
    console.log(`[bench] prepared ${s.name} in ${Math.round(performance.now() - t0)} ms`);
  }
  // The database the server uses, and the scenarios' measuring phases read: the file, or its copy.
  let target = dbFile;
  const pgEnv = { ...process.env, PG_PORT: String(pgPort) };
  const stopPg = () => {
    if (engine === "postgres") execFileSync("sh", ["scripts/pg-cluster.sh", "stop"], { cwd: root, env: pgEnv });
  };
  if (engine === "postgres") {
    target = execFileSync("sh", ["scripts/pg-cluster.sh", "start"], { cwd: root, env: pgEnv, encoding: "utf8" }).trim();
    const t0 = performance.now();
    await run("npx", ["tsx", "scripts/db-copy.ts", "--from", `file:${dbFile}`, "--to", target, "--replace"], env);
    console.log(`[bench] copied the database to PostgreSQL in ${Math.round(performance.now() - t0)} ms`);
    env.DATABASE_URL = target;
  }
  const loadStart = os.loadavg().map((n) => Math.round(n * 100) / 100);

  const buildDir = process.env.WEIKE_BUILD_DIR ?? "build";
  const clusterEnv = { ...env, CLUSTER_PORT: String(port), CLUSTER_SIZE: String(instances), CLUSTER_DIR: clusterDir };
  if (instances > 1)
    execFileSync("sh", ["scripts/cluster.sh", "start"], { cwd: root, env: clusterEnv, stdio: "inherit" });
  const server =
    instances > 1
      ? // Stands in for the single server's process below; the instances are scripts/cluster.sh's.
        spawn("sleep", ["infinity"], { detached: true, stdio: "ignore" })
      : spawn("node", [...SERVER_NODE_FLAGS, path.join(buildDir, "start.mjs")], {
          cwd: root,
          env,
          stdio: ["ignore", "inherit", "inherit"],
          detached: true,
        });
  const serverPids = (): number[] =>
    instances > 1
      ? Array.from({ length: instances }, (_, i) => path.join(clusterDir, `instance-${i + 1}.pid`))
          .filter((f) => existsSync(f))
          .map((f) => Number(readFileSync(f, "utf8").trim()))
      : [server.pid!];
  // However the bench ends (an error, Ctrl-C, a kill), the server it started ends with it. A
  // server busy with a long query does not get to its graceful shutdown soon, so a stop that must
  // not wait (a signal, an uncaught error) ends with SIGKILL.
  const running = () => server.exitCode === null && server.signalCode === null;
  const stopServer = (signal: NodeJS.Signals = "SIGTERM") => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      /* already gone */
    }
    if (instances > 1) {
      try {
        execFileSync("sh", ["scripts/cluster.sh", "stop"], { cwd: root, env: clusterEnv, stdio: "inherit" });
      } catch {
        /* stopped already */
      }
    }
  };
  process.once("exit", () => {
    if (running()) stopServer("SIGKILL");
    try {
      stopPg();
    } catch {
      /* stopped already */
    }
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(signal, () => {
      stopServer();
      server.once("exit", () => process.exit(130));
      setTimeout(() => process.exit(130), 5_000).unref();
      if (!running()) process.exit(130);
    });
  let peak = 0;
  // With several instances: the largest of them (each has the same memory bound).
  const sampler = setInterval(() => {
    peak = Math.max(peak, ...serverPids().map(rssMb));
  }, 200);
  const rows: BenchRow[] = [];
  try {
    await waitForHealth();
    const state: { baseline?: LoadResult } = {};
    const ctx: BenchContext = {
      baseUrl,
      dbFile: target,
      tmpDir,
      cookieFor: (email) => `weike_session=${insertSessionRow(target, email)}`,
      load: (opts) => runLoad(baseUrl, opts),
      baseline: () => state.baseline!,
      peakRssMb: () => peak,
      rssMb: () => Math.max(...serverPids().map(rssMb)),
      row: (scenario, r, extra = {}) => ({
        scenario,
        name: r.title,
        reqPerSec: r.reqPerSec,
        p50: r.p50,
        p95: r.p95,
        p99: r.p99,
        errors: r.errors + r.non2xx,
        ratio: state.baseline ? Math.round((r.reqPerSec / state.baseline.reqPerSec) * 100) / 100 : undefined,
        ...extra,
      }),
    };
    // Warm up, then measure the baseline once for every ratio in this run.
    await runLoad(baseUrl, { title: "warm-up", path: "/bench/baseline", duration: 2 });
    state.baseline = await runLoad(baseUrl, { title: "bare baseline page (50 items)", path: "/bench/baseline" });
    for (const s of scenarios) {
      console.log(`[bench] running ${s.name}`);
      try {
        rows.push(...(await s.run(ctx)));
      } catch (e) {
        console.error(`[bench] scenario ${s.name} failed:`, e);
        rows.push({
          scenario: s.name,
          name: "scenario failed",
          figures: { error: String((e as Error).message ?? e) },
          pass: false,
        });
      }
    }
    rows.push({
      scenario: "memory",
      name: "server peak RSS",
      figures: { mb: peak },
      target: "≤ 256 MB",
      pass: peak <= 256,
    });
  } finally {
    clearInterval(sampler);
    stopServer();
    stopPg();
  }
  const loadEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);

  const result = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    engine,
    instances,
    // 1, 5 and 15 minute load averages when the server started and when the run ended.
    loadAverage: { start: loadStart, end: loadEnd },
    durationSeconds: Number(process.env.BENCH_DURATION ?? 10),
    targets: targetSummary(rows),
    rows: rows.map((r) => ({ ...r, engine, instances })),
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  writeFileSync(path.join(root, "bench/results/latest.json"), JSON.stringify(result, null, 2) + "\n");
  printTable(rows);
  console.log(`engine: ${engine}, instances: ${instances}, load average ${loadStart.join(" ")} → ${loadEnd.join(" ")}`);
}

function printTable(rows: BenchRow[]) {
  const fmt = (v: number | undefined) => (v === undefined ? "" : String(v));
  const lines = rows.map((r) => [
    r.scenario,
    r.name,
    fmt(r.reqPerSec),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.errors),
    fmt(r.ratio),
    r.figures
      ? Object.entries(r.figures)
          .map(([k, v]) => `${k}=${v}`)
          .join(" ")
      : "",
    r.target ?? "",
    r.pass === undefined ? "" : r.pass ? "ok" : "MISS",
  ]);
  const head = ["scenario", "name", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "ratio", "figures", "target", ""];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const out = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  console.log("\n" + out(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const l of lines) console.log(out(l));
  const { hold, of, missed } = targetSummary(rows);
  console.log(`\ntargets: ${hold} of ${of} hold${missed.length ? ` (missed: ${missed.join("; ")})` : ""}`);
}

/** Every row with a target counts; a failed scenario counts as a missed target. */
function targetSummary(rows: BenchRow[]) {
  const judged = rows.filter((r) => r.pass !== undefined);
  const missed = judged.filter((r) => !r.pass).map((r) => `${r.scenario}: ${r.name}`);
  return { hold: judged.length - missed.length, of: judged.length, missed };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
