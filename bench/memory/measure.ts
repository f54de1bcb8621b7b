// Where the server's memory goes: starts the production build on a seeded bench database (through
// probe.mjs, which answers memory questions over IPC only), then records at idle and after each
// chosen scenario the RSS split from /proc/<pid>/smaps and V8's own figures. Decision 047.
//   WEIKE_BUILD_DIR=build-memory MEM_SCENARIOS=typing-stream,surveys npx tsx bench/memory/measure.ts
// MEM_NODE_FLAGS overrides the V8 flags of `npm start`; MALLOC_ARENA_MAX (2, as `npm start`) too.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runLoad } from "../lib/load";
import { insertSessionRow } from "../lib/session-row";
import type { BenchContext, BenchRow, LoadResult, Scenario } from "../lib/types";
import { cpuMs, readSmaps, type SmapsSplit } from "./smaps";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.MEM_PORT ?? 3334);
const tmpDir = path.join(root, `bench/.tmp-memory-${port}`);
const dbFile = path.join(tmpDir, "bench.db");
const baseUrl = `http://localhost:${port}`;
const nodeFlags = (process.env.MEM_NODE_FLAGS ?? "--max-old-space-size=160 --max-semi-space-size=8").split(" ");
const names = (process.env.MEM_SCENARIOS ?? "typing-stream,surveys").split(",").filter(Boolean);

type V8Figures = {
  usage: NodeJS.MemoryUsage;
  heap: { total_heap_size: number; used_heap_size: number; malloced_memory: number; external_memory: number };
  spaces: Record<string, number>;
};
type Snapshot = { phase: string; peakRssMb: number; cpuMs: number; smaps: SmapsSplit; v8: V8Figures };

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function ask(child: ChildProcess): Promise<V8Figures> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as V8Figures));
    child.send("memory");
  });
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not become healthy in time");
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

async function main() {
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const scenarios: Scenario[] = [];
  for (const n of names)
    scenarios.push((await import(pathToFileURL(path.join(root, "bench/scenarios", `${n}.ts`)).href)).default);
  const env = {
    ...process.env,
    ...Object.assign({}, ...scenarios.map((s) => s.env?.(tmpDir) ?? {})),
    DATABASE_URL: `file:${dbFile}`,
    PORT: String(port),
    NODE_ENV: "production",
    WEIKE_BENCH_BASELINE: "1",
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
  };
  await run("npx", ["tsx", "prisma/seed.ts"], env);
  for (const s of scenarios) await s.prepare?.({ dbFile, tmpDir });

  const buildDir = process.env.WEIKE_BUILD_DIR ?? "build";
  const server = spawn(
    "node",
    [...nodeFlags, path.join(root, "bench/memory/probe.mjs"), path.join(buildDir, "start.mjs")],
    { cwd: root, env, stdio: ["ignore", "inherit", "inherit", "ipc"], detached: true },
  );
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.once("exit", stop);
  process.once("SIGINT", () => process.exit(130));
  let peak = 0;
  const rssNow = () => readSmaps(server.pid!, true).rss;
  const sampler = setInterval(() => (peak = Math.max(peak, rssNow())), 200);
  const snapshots: Snapshot[] = [];
  let cpuBefore = 0;
  const snap = async (phase: string) => {
    const smaps = readSmaps(server.pid!);
    const cpu = cpuMs(server.pid!);
    snapshots.push({
      phase,
      peakRssMb: Math.max(peak, smaps.rss),
      cpuMs: cpu - cpuBefore,
      smaps,
      v8: await ask(server),
    });
    cpuBefore = cpu;
    peak = 0;
    print(snapshots.at(-1)!);
  };
  try {
    await waitForHealth();
    await new Promise((r) => setTimeout(r, 2000));
    await snap("idle after start");
    const state: { baseline?: LoadResult } = {};
    state.baseline = await runLoad(baseUrl, { title: "bare page", path: "/bench/baseline", duration: 5 });
    await snap("after the bare page");
    const ctx: BenchContext = {
      baseUrl,
      dbFile,
      tmpDir,
      cookieFor: (email) => `weike_session=${insertSessionRow(dbFile, email)}`,
      load: (opts) => runLoad(baseUrl, opts),
      baseline: () => state.baseline!,
      peakRssMb: () => peak,
      rssMb: rssNow,
      row: (scenario, r, extra = {}) => ({
        scenario,
        name: r.title,
        p95: r.p95,
        errors: r.errors + r.non2xx,
        ...extra,
      }),
    };
    const rows: BenchRow[] = [];
    for (const s of scenarios) {
      rows.push(...(await s.run(ctx)));
      await snap(`after ${s.name}`);
    }
    await new Promise((r) => setTimeout(r, 10_000));
    await snap("idle 10 s later");
    const out = path.join(tmpDir, "memory.json");
    writeFileSync(out, JSON.stringify({ nodeFlags, arenaMax: process.env.MALLOC_ARENA_MAX, snapshots, rows }, null, 2));
    console.log(`[memory] written to ${path.relative(root, out)}`);
  } finally {
    clearInterval(sampler);
    stop();
  }
}

function print(s: Snapshot) {
  const u = s.v8.usage;
  const top = s.smaps.byName
    .slice(0, 6)
    .map((p) => `${p.name}=${p.mb}`)
    .join(" ");
  console.log(
    `[memory] ${s.phase}: rss ${s.smaps.rss} MB (peak ${s.peakRssMb}; anon ${s.smaps.anon}, file ${s.smaps.file}) | ` +
      `v8 heap used ${mb(u.heapUsed)} / total ${mb(u.heapTotal)}, external ${mb(u.external)}, ` +
      `arrayBuffers ${mb(u.arrayBuffers)}, malloced ${mb(s.v8.heap.malloced_memory)} | cpu ${s.cpuMs} ms | ${top}`,
  );
  console.log(
    `[memory]   cached spaces: ${JSON.stringify(Object.fromEntries(Object.entries(s.v8.spaces).map(([k, v]) => [k, mb(v)])))}`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
