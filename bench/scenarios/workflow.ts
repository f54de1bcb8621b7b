// Workflow: HR's request queue over 10,000 requests, 50 concurrent transitions on different
// requests, and races of 20 HR posts on one request (exactly one wins, none lost, no 5xx).
import { percentile } from "../lib/load";
import { openDb } from "../lib/session-row";
import type { BenchRow, Scenario } from "../lib/types";

const REQUESTS = 10_000;
const PARALLEL = 50;
const RACERS = 20;
const RACES = 10;
const MARK = "bench:workflow";
const STATES = ["submitted", "approved", "rejected", "returned", "scheduled", "delivered", "archived", "cancelled"];
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const scenario: Scenario = {
  name: "workflow",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const rnd = rng(7);
      const courses = (db.prepare("SELECT id FROM Course WHERE status != 'retired'").all() as { id: number }[]).map(
        (r) => r.id,
      );
      const lead = db.prepare("SELECT u.id, u.teamId FROM User u WHERE email = 'lead@weike.test'").get() as {
        id: number;
        teamId: number;
      };
      const members = (db.prepare("SELECT id FROM User WHERE teamId = ?").all(lead.teamId) as { id: number }[]).map(
        (r) => r.id,
      );
      if (courses.length === 0) throw new Error("the bench needs the seeded courses");
      const insRequest = db.prepare(
        "INSERT INTO TrainingRequest (requesterId, teamId, courseId, delivery, slotKind, preferred, need, priority, headcount, state, version, createdAt, updatedAt) VALUES (?, ?, ?, 'single', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      const insAttendee = db.prepare("INSERT INTO RequestAttendee (requestId, userId) VALUES (?, ?)");
      const insMove = db.prepare(
        "INSERT INTO RequestTransition (requestId, actorId, action, fromState, toState, createdAt) VALUES (?, ?, 'create', '', 'submitted', ?)",
      );
      const now = Date.now();
      const prefs = JSON.stringify([iso(now + 10 * 86400_000), iso(now + 11 * 86400_000)]);
      const add = (state: string, need: string, age: number) => {
        const headcount = 1 + Math.floor(rnd() * 3);
        const created = iso(now - age);
        const id = Number(
          insRequest.run(
            lead.id,
            lead.teamId,
            courses[Math.floor(rnd() * courses.length)],
            ["morning", "before-shift", "after-shift", "other"][Math.floor(rnd() * 4)],
            prefs,
            need,
            1 + Math.floor(rnd() * 4),
            headcount,
            state,
            1,
            created,
            created,
          ).lastInsertRowid,
        );
        for (let k = 0; k < headcount; k++) insAttendee.run(id, members[k % members.length]);
        insMove.run(id, lead.id, created);
        return id;
      };
      db.transaction(() => {
        for (let i = 0; i < REQUESTS; i++)
          // rnd() < 1, so the index is inside STATES.
          add(STATES[Math.floor(rnd() * STATES.length)]!, `${MARK} queue ${i}`, Math.floor(rnd() * 90 * 86400_000));
        for (let i = 0; i < PARALLEL; i++) add("submitted", `${MARK}:parallel`, 1000);
        for (let i = 0; i < RACES; i++) add("submitted", `${MARK}:race`, 1000);
      })();
    } finally {
      db.close();
    }
  },

  async run(ctx) {
    const rows: BenchRow[] = [];
    const hr = ctx.cookieFor("hr@weike.test");
    const db = openDb(ctx.dbFile);
    const total = (db.prepare('SELECT COUNT(*) AS n FROM "TrainingRequest"').get() as { n: number }).n;

    const queue = await ctx.load({
      title: `HR queue page, ${total.toLocaleString("en")} requests (/requests, 10 connections)`,
      path: "/requests",
      headers: { cookie: hr },
      connections: 10,
    });
    rows.push(
      ctx.row("workflow", queue, {
        target: "≥ 0.6 × bare page, 0 errors",
        pass: queue.reqPerSec / ctx.baseline().reqPerSec >= 0.6 && queue.errors + queue.non2xx === 0,
        figures: { requests: total },
      }),
    );
    const loader = await ctx.load({
      title: "HR queue loader, filtered and sorted by age, page 20 (1 connection)",
      path: "/requests.data?state=submitted&sort=oldest&page=20",
      headers: { cookie: hr },
      connections: 1,
    });
    rows.push(
      ctx.row("workflow", loader, {
        target: "p95 ≤ 100 ms",
        pass: loader.p95 <= 100 && loader.errors + loader.non2xx === 0,
      }),
    );

    const post = async (
      id: number,
      form: Record<string, string>,
      latencies: number[],
      status: Record<string, number>,
    ) => {
      const t0 = performance.now();
      try {
        const res = await fetch(`${ctx.baseUrl}/requests/${id}`, {
          method: "POST",
          body: new URLSearchParams(form),
          redirect: "manual",
          headers: { cookie: hr, origin: ctx.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        status[res.status] = (status[res.status] ?? 0) + 1;
        return res.status;
      } catch {
        status.network = (status.network ?? 0) + 1;
        return 0;
      }
    };
    const fiveXx = (s: Record<string, number>) =>
      Object.entries(s)
        .filter(([c]) => c.startsWith("5") || c === "network")
        .reduce((n, [, c]) => n + c, 0);

    // 50 HR approvals at once, each on its own request: every one must land.
    const parallel = (
      db.prepare('SELECT id FROM "TrainingRequest" WHERE need = ? ORDER BY id').all(`${MARK}:parallel`) as {
        id: number;
      }[]
    ).map((r) => r.id);
    const lat1: number[] = [];
    const st1: Record<string, number> = {};
    let t0 = performance.now();
    const codes = await Promise.all(
      parallel.map((id) => post(id, { intent: "transition", action: "approve", version: "1" }, lat1, st1)),
    );
    let seconds = (performance.now() - t0) / 1000;
    const landed = (
      db
        .prepare(`SELECT COUNT(*) AS n FROM "TrainingRequest" WHERE need = ? AND state = 'approved' AND version = 2`)
        .get(`${MARK}:parallel`) as { n: number }
    ).n;
    const moves1 = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM "RequestTransition" t JOIN "TrainingRequest" r ON r.id = t."requestId" WHERE r.need = ? AND t.action = 'approve'`,
        )
        .get(`${MARK}:parallel`) as { n: number }
    ).n;
    lat1.sort((a, b) => a - b);
    const won = codes.filter((c) => c === 302).length;
    rows.push({
      scenario: "workflow",
      name: `${PARALLEL} concurrent transitions on different requests`,
      reqPerSec: Math.round(parallel.length / seconds),
      p50: percentile(lat1, 50),
      p95: percentile(lat1, 95),
      p99: percentile(lat1, 99),
      errors: fiveXx(st1),
      figures: {
        posted: parallel.length,
        accepted: won,
        stored: landed,
        auditRows: moves1,
        lost: won - landed,
        "5xx": fiveXx(st1),
        statuses: JSON.stringify(st1),
      },
      target: "0 lost, 0 5xx",
      pass: won === parallel.length && landed === parallel.length && moves1 === parallel.length && fiveXx(st1) === 0,
    });

    // Races: 20 HR posts on one request at once (approve, reject, return mixed), 10 times over.
    const races = (
      db.prepare('SELECT id FROM "TrainingRequest" WHERE need = ? ORDER BY id').all(`${MARK}:race`) as { id: number }[]
    ).map((r) => r.id);
    const lat2: number[] = [];
    const st2: Record<string, number> = {};
    const actions: Record<string, string>[] = [
      { action: "approve" },
      { action: "reject", reason: "bench race" },
      { action: "return", reason: "bench race" },
    ];
    let exactlyOne = 0;
    t0 = performance.now();
    for (const id of races) {
      const results = await Promise.all(
        Array.from({ length: RACERS }, (_, i) =>
          post(id, { intent: "transition", version: "1", ...actions[i % actions.length] }, lat2, st2),
        ),
      );
      const wins = results.filter((c) => c === 302).length;
      const refused = results.filter((c) => c === 409).length;
      const moves = (
        db.prepare('SELECT COUNT(*) AS n FROM "RequestTransition" WHERE "requestId" = ?').get(id) as { n: number }
      ).n;
      const version = (db.prepare('SELECT version FROM "TrainingRequest" WHERE id = ?').get(id) as { version: number })
        .version;
      if (wins === 1 && refused === RACERS - 1 && moves === 2 && version === 2) exactlyOne++;
    }
    seconds = (performance.now() - t0) / 1000;
    db.close();
    lat2.sort((a, b) => a - b);
    rows.push({
      scenario: "workflow",
      name: `${RACES} races of ${RACERS} HR posts on one request`,
      reqPerSec: Math.round((RACES * RACERS) / seconds),
      p50: percentile(lat2, 50),
      p95: percentile(lat2, 95),
      p99: percentile(lat2, 99),
      errors: fiveXx(st2),
      figures: {
        races: RACES,
        racesWithExactlyOneWinner: exactlyOne,
        "5xx": fiveXx(st2),
        statuses: JSON.stringify(st2),
      },
      target: "exactly one wins per race, 0 5xx",
      pass: exactlyOne === RACES && fiveXx(st2) === 0,
    });
    return rows;
  },
};

export default scenario;
