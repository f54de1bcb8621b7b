// npm run bench:crash: proves that an acknowledged write survives the server being killed.
// Starts the production build on its own throwaway database and port, sends 50 concurrent
// writers creating training requests (each form carries a unique client token, so a duplicate
// would show), kills the server with SIGKILL in the middle of the burst and starts it again, five
// times. Then: every request answered 2xx/3xx is stored exactly once, none twice, every stored
// request is whole (its attendees and its "create" step are there), and PRAGMA integrity_check
// is ok. Writes bench/results/<date>-crash.json and prints a summary.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { insertSessionRow, openDb } from "./lib/session-row";
import type { BenchRow } from "./lib/types";

const root = path.resolve(import.meta.dirname, "..");
const tmpDir = path.join(root, "bench/.tmp/crash");
const dbFile = path.join(tmpDir, "crash.db");
const port = Number(process.env.BENCH_CRASH_PORT ?? 3301);
const baseUrl = `http://localhost:${port}`;
const buildDir = process.env.WEIKE_BUILD_DIR ?? "build";
const WRITERS = 50;
const KILLS = 5;
const SERVER_NODE_FLAGS = ["--max-old-space-size=160", "--max-semi-space-size=8"];

const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, PORT: String(port), NODE_ENV: "production" as const };

function run(cmd: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`))));
  });
}

function startServer(): ChildProcess {
  return spawn("node", [...SERVER_NODE_FLAGS, path.join(buildDir, "start.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

async function waitForHealth(timeoutMs = 60_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return Date.now() - start;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not become healthy in time");
}

function exited(child: ChildProcess) {
  return new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10) + "T09:00";

async function main() {
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  console.log("[crash] seeding the throwaway database");
  await run("npx", ["tsx", "prisma/seed.ts"]);

  const db = openDb(dbFile);
  const lead = db.prepare("SELECT id, teamId FROM User WHERE email = 'lead@weike.test'").get() as {
    id: number;
    teamId: number;
  };
  const course = (
    db.prepare("SELECT id FROM Course WHERE status != 'retired' ORDER BY id LIMIT 1").get() as { id: number }
  ).id;
  db.close();
  const cookie = `weike_session=${insertSessionRow(dbFile, "lead@weike.test")}`;

  const acknowledged = new Set<string>();
  const refused: Record<string, number> = {};
  let sent = 0;
  let cutOff = 0; // no answer: the server died with the request in flight
  const rounds: { round: number; ackedBeforeKill: number; killedAfterMs: number; restartMs: number }[] = [];

  let server = startServer();
  await waitForHealth();
  for (let round = 1; round <= KILLS; round++) {
    let dead = false;
    let acked = 0;
    const post = async (token: string) => {
      const body = new URLSearchParams({
        token,
        target: `course:${course}`,
        attendees: String(lead.id),
        slotKind: "morning",
        pref1: day(10),
        pref2: day(11),
        need: `crash test ${token}`,
        priority: "2",
        delivery: "single",
      });
      sent++;
      try {
        const res = await fetch(`${baseUrl}/requests/new`, {
          method: "POST",
          body,
          redirect: "manual",
          headers: { cookie, origin: baseUrl, "content-type": "application/x-www-form-urlencoded" },
        });
        await res.arrayBuffer();
        if (res.status >= 200 && res.status < 400) {
          acknowledged.add(token);
          acked++;
        } else refused[res.status] = (refused[res.status] ?? 0) + 1;
      } catch {
        cutOff++;
        dead = true;
      }
    };
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let j = 0; !dead; j++) await post(`crash-${round}-${w}-${j}`);
    });
    // Kill in the middle of the burst: once a different number of writes has been answered
    // each round (this machine's speed varies too much for a fixed delay).
    const started = Date.now();
    const killAt = 20 + Math.floor(Math.random() * 60);
    while (acked < killAt && Date.now() - started < 120_000) await sleep(10);
    const killAfter = Date.now() - started;
    process.kill(-server.pid!, "SIGKILL");
    await exited(server);
    dead = true;
    await Promise.all(writers);
    server = startServer();
    const restartMs = await waitForHealth();
    rounds.push({ round, ackedBeforeKill: acked, killedAfterMs: killAfter, restartMs });
    console.log(
      `[crash] round ${round}: ${acked} acknowledged, killed after ${killAfter} ms, healthy again after ${restartMs} ms`,
    );
  }
  process.kill(-server.pid!, "SIGTERM");
  await exited(server);

  const check = openDb(dbFile);
  const integrity = (check.pragma("integrity_check") as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .join("; ");
  const stored = check
    .prepare(
      `SELECT r.clientToken AS token,
        (SELECT COUNT(*) FROM RequestAttendee a WHERE a.requestId = r.id) AS attendees,
        (SELECT COUNT(*) FROM RequestTransition t WHERE t.requestId = r.id AND t.action = 'create') AS creates
       FROM TrainingRequest r WHERE r.clientToken LIKE 'crash-%'`,
    )
    .all() as { token: string; attendees: number; creates: number }[];
  check.close();
  const count = new Map<string, number>();
  for (const r of stored) count.set(r.token, (count.get(r.token) ?? 0) + 1);
  const lost = [...acknowledged].filter((t) => !count.has(t)).length;
  const duplicated = [...count.values()].filter((n) => n > 1).length;
  const partial = stored.filter((r) => r.attendees !== 1 || r.creates !== 1).length;
  // Cut off in flight: the server may or may not have committed before it died; either is fine.
  const landedUnanswered = stored.length - [...acknowledged].filter((t) => count.has(t)).length;

  const row: BenchRow = {
    scenario: "crash",
    name: `${WRITERS} concurrent writers, SIGKILL mid-burst and restart, ${KILLS} times`,
    figures: {
      kills: rounds.length,
      sent,
      acknowledged: acknowledged.size,
      stored: stored.length,
      lost,
      duplicated,
      partial,
      cutOffInFlight: cutOff,
      landedUnanswered,
      refused: JSON.stringify(refused),
      integrity,
      restartMs: rounds.map((r) => r.restartMs).join("/"),
    },
    target: "0 lost, 0 duplicated, 0 partial, integrity ok",
    pass:
      rounds.length === KILLS &&
      lost === 0 &&
      duplicated === 0 &&
      partial === 0 &&
      integrity === "ok" &&
      acknowledged.size > 0,
  };
  const result = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    rounds,
    rows: [row],
  };
  mkdirSync(path.join(root, "bench/results"), { recursive: true });
  const out = path.join(root, "bench/results", `${result.when.slice(0, 10)}-crash.json`);
  writeFileSync(out, JSON.stringify(result, null, 2) + "\n");
  console.log(`\n[crash] ${row.name}`);
  for (const [k, v] of Object.entries(row.figures!)) console.log(`  ${k}: ${v}`);
  console.log(`  ${row.pass ? "ok" : "MISS"} (${row.target}) → ${path.relative(root, out)}`);
  rmSync(tmpDir, { recursive: true, force: true });
  if (!row.pass) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
