// Surveys: the dashboard loader over 100,000 generated responses, and 50 people submitting
// surveys at once for 30 s (every answer stored exactly once, no 5xx, no SQLITE_BUSY).
import { randomUUID } from "node:crypto";
import { REBUILD_TALLY_SQL } from "../../app/surveys/tally-sql";
import { percentile } from "../lib/load";
import { openDb } from "../lib/session-row";
import type { BenchRow, Scenario } from "../lib/types";

const RESPONSES = 100_000;
const PER_SESSION = 40;
const WRITERS = 50;
const OPEN_SURVEYS = 800;
const SUBMIT_SECONDS = Number(process.env.BENCH_SURVEY_SECONDS ?? 30);
const MARK = "bench:surveys";
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/**
 * Median loader and render time of 20 page requests, from the Server-Timing header (only when the
 * bench runs with WEIKE_SERVER_TIMING=1; see "Profiling" in bench/README.md).
 */
async function serverTimings(baseUrl: string, path: string, cookie: string): Promise<Record<string, number>> {
  const seen: Record<string, number[]> = {};
  for (let i = 0; i < 20; i++) {
    const res = await fetch(baseUrl + path, { headers: { cookie } });
    await res.arrayBuffer();
    for (const m of (res.headers.get("server-timing") ?? "").matchAll(/(\w+);dur=([\d.]+)/g))
      (seen[m[1]!] ??= []).push(Number(m[2]));
  }
  return Object.fromEntries(
    Object.entries(seen).map(([name, v]) => [
      `page${name[0]!.toUpperCase()}${name.slice(1)}P50`,
      percentile(
        v.sort((a, b) => a - b),
        50,
      ),
    ]),
  );
}

const scenario: Scenario = {
  name: "surveys",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const rnd = rng(42);
      const courses = db.prepare("SELECT id, seriesId, area FROM Course").all() as {
        id: number;
        seriesId: number | null;
        area: string;
      }[];
      const trainers = (
        db.prepare("SELECT userId FROM UserRole WHERE role = 'TRAINER'").all() as { userId: number }[]
      ).map((r) => r.userId);
      const teams = (db.prepare("SELECT id FROM Team").all() as { id: number }[]).map((r) => r.id);
      if (courses.length === 0 || trainers.length === 0)
        throw new Error("the bench needs the seeded courses and trainers");
      const insSession = db.prepare(
        "INSERT INTO TrainingSession (courseId, seriesId, trainerId, startsAt, endsAt, status, deliveredAt, kind, title, anonymous, notes) VALUES (?, ?, ?, ?, ?, 'archived', ?, ?, ?, ?, ?)",
      );
      const insSurvey = db.prepare(
        "INSERT INTO Survey (sessionId, anonymous, kind, courseId, seriesId, area, trainerId, heldOn, opensAt, closesAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      const insInvite = db.prepare("INSERT INTO SurveyInvite (surveyId, userId, teamId) VALUES (?, ?, ?)");
      const insReceipt = db.prepare("INSERT INTO SurveyReceipt (surveyId, userId) VALUES (?, ?)");
      const insResponse = db.prepare(
        "INSERT INTO SurveyResponse (id, surveyId, userId, teamId, overall, relevance, helpful, delivery, pace, recommend, comment, submittedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      );
      const score = () => {
        const r = rnd();
        return r < 0.6 ? 5 : r < 0.9 ? 4 : r < 0.97 ? 3 : r < 0.99 ? 2 : 1;
      };
      const now = Date.now();
      db.transaction(() => {
        // Past sessions for the dashboard: all inside its default 12-month range.
        for (let s = 0; s < RESPONSES / PER_SESSION; s++) {
          const micro = rnd() < 0.8;
          const anonymous = rnd() < 0.05 ? 1 : 0;
          const course = micro ? courses[s % courses.length] : null;
          const trainer = trainers[s % trainers.length];
          const start = now - Math.floor(rnd() * 330 + 5) * 86400_000;
          const sessionId = Number(
            insSession.run(
              course?.id ?? null,
              course?.seriesId ?? null,
              trainer,
              iso(start),
              iso(start + 3600_000),
              iso(start + 3600_000),
              micro ? "micro" : "other",
              micro ? "" : "内部培训",
              anonymous,
              MARK,
            ).lastInsertRowid,
          );
          const surveyId = Number(
            insSurvey.run(
              sessionId,
              anonymous,
              micro ? "micro" : "other",
              course?.id ?? null,
              course?.seriesId ?? null,
              course?.area ?? "",
              trainer,
              iso(start),
              iso(start + 3600_000),
              iso(start + 8 * 86400_000),
            ).lastInsertRowid,
          );
          for (let k = 0; k < PER_SESSION + 4; k++) {
            const userId = 5_000_000 + s * 64 + k;
            const teamId = teams.length ? teams[k % teams.length] : null;
            insInvite.run(surveyId, userId, teamId);
            if (k >= PER_SESSION) continue;
            insReceipt.run(surveyId, userId);
            const o = score();
            insResponse.run(
              randomUUID(),
              surveyId,
              anonymous ? null : userId,
              teamId,
              o,
              score(),
              score(),
              score(),
              score(),
              Math.min(10, Math.max(0, o * 2 + Math.floor(rnd() * 3) - 1)),
              rnd() < 0.08 ? "讲得很实用，希望多一些练习。" : "",
              anonymous ? null : iso(start + 86400_000),
            );
          }
        }
        // Open surveys for the concurrent writers: each bench person is asked in every one.
        const insUser = db.prepare(
          "INSERT INTO User (email, name, employeeNo, passwordHash, teamId, updatedAt) VALUES (?, ?, ?, 'x', ?, ?)",
        );
        const insRole = db.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'TRAINEE')");
        const people: { id: number; teamId: number | null }[] = [];
        for (let i = 0; i < WRITERS; i++) {
          const teamId = teams[i % teams.length] ?? null;
          const id = Number(
            insUser.run(`bench-survey-${i}@weike.test`, `Bench ${i}`, `BS${i}`, teamId, iso(now)).lastInsertRowid,
          );
          insRole.run(id);
          people.push({ id, teamId });
        }
        for (let s = 0; s < OPEN_SURVEYS; s++) {
          const course = courses[s % courses.length];
          if (!course) throw new Error("bench: the database has no courses; seed it first");
          const anonymous = s % 5 === 0 ? 1 : 0;
          const start = now - 86400_000;
          const sessionId = Number(
            insSession.run(
              course.id,
              course.seriesId,
              trainers[0],
              iso(start),
              iso(start + 3600_000),
              iso(start + 3600_000),
              "micro",
              "",
              anonymous,
              `${MARK}:open`,
            ).lastInsertRowid,
          );
          const surveyId = Number(
            insSurvey.run(
              sessionId,
              anonymous,
              "micro",
              course.id,
              course.seriesId,
              course.area,
              trainers[0],
              iso(start),
              iso(start + 3600_000),
              iso(now + 7 * 86400_000),
            ).lastInsertRowid,
          );
          for (const p of people) insInvite.run(surveyId, p.id, p.teamId);
        }
        // The app keeps the running tally on every write; rows written here are counted once.
        for (const sql of REBUILD_TALLY_SQL) db.exec(sql);
        // …and the server rebuilds the dashboard rollups from that tally when it starts.
        db.exec("DELETE FROM SurveyRollupState");
      })();
    } finally {
      db.close();
    }
  },

  async run(ctx) {
    const rows: BenchRow[] = [];
    const db = openDb(ctx.dbFile);
    const total = (db.prepare('SELECT COUNT(*) AS n FROM "SurveyResponse"').get() as { n: number }).n;
    const hr = ctx.cookieFor("hr@weike.test");
    // The same single connection on the bare page, for scale: this machine's load varies a lot.
    const bare = await ctx.load({ title: "bare page, 1 connection", path: "/bench/baseline", connections: 1 });
    const loader = await ctx.load({
      title: `dashboard loader, ${total.toLocaleString("en")} responses (/dashboard.data, 1 connection)`,
      path: "/dashboard.data",
      headers: { cookie: hr },
      connections: 1,
    });
    rows.push(
      ctx.row("surveys", loader, {
        target: "p95 ≤ 10 × the bare page's p95 (1 connection)",
        pass: loader.p95 <= 10 * bare.p95 && loader.errors + loader.non2xx === 0,
        figures: {
          responses: total,
          bareP50: bare.p50,
          bareP95: bare.p95,
          ...(await serverTimings(ctx.baseUrl, "/dashboard", hr)),
        },
      }),
    );
    const rssBefore = ctx.peakRssMb();
    const page = await ctx.load({
      title: "dashboard page, HR, 10 connections",
      path: "/dashboard",
      headers: { cookie: hr },
      connections: 10,
    });
    rows.push(
      ctx.row("surveys", page, {
        target: "≥ 0.25 × the bare page's throughput",
        pass: page.reqPerSec >= 0.25 * ctx.baseline().reqPerSec && page.errors + page.non2xx === 0,
        figures: { peakRssMbBefore: rssBefore, peakRssMbAfter: ctx.peakRssMb() },
      }),
    );

    // 50 people submit at once, each working through their own open surveys; every seventh
    // answer is sent twice in a row, as a double click would, and must be refused the second time.
    const surveys = (
      db
        .prepare(
          'SELECT s.id FROM "Survey" s JOIN "TrainingSession" t ON t.id = s."sessionId" WHERE t.notes = ? ORDER BY s.id',
        )
        .all(`${MARK}:open`) as { id: number }[]
    ).map((r) => r.id);
    const cookies = Array.from({ length: WRITERS }, (_, i) => ctx.cookieFor(`bench-survey-${i}@weike.test`));
    const latencies: number[] = [];
    const status: Record<string, number> = {};
    let created = 0;
    let refusedDoubles = 0;
    let acceptedDoubles = 0;
    let networkErrors = 0;
    const deadline = Date.now() + SUBMIT_SECONDS * 1000;
    const post = async (cookie: string, surveyId: number, i: number) => {
      const body = new URLSearchParams({
        mode: "new",
        overall: String(1 + (i % 5)),
        relevance: "4",
        helpful: "5",
        delivery: "4",
        pace: "3",
        recommend: String(i % 11),
        comment: i % 3 ? "" : `bench ${i}`,
      });
      const t0 = performance.now();
      try {
        const res = await fetch(`${ctx.baseUrl}/surveys/${surveyId}`, {
          method: "POST",
          body,
          redirect: "manual",
          headers: { cookie, origin: ctx.baseUrl, "content-type": "application/x-www-form-urlencoded" },
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        status[res.status] = (status[res.status] ?? 0) + 1;
        return res.status;
      } catch {
        networkErrors++;
        return 0;
      }
    };
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, w) => {
        for (const [j, survey] of surveys.entries()) {
          if (Date.now() >= deadline) break;
          const code = await post(cookie, survey, w * 1000 + j);
          if (code === 302) created++;
          if (j % 7 === 0) {
            const again = await post(cookie, survey, w * 1000 + j);
            if (again === 409) refusedDoubles++;
            else if (again === 302) acceptedDoubles++;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const stored = db
      .prepare(
        'SELECT COUNT(*) AS responses, (SELECT COUNT(*) FROM "SurveyReceipt" r JOIN "Survey" s2 ON s2.id = r."surveyId" JOIN "TrainingSession" t2 ON t2.id = s2."sessionId" WHERE t2.notes = ?) AS receipts FROM "SurveyResponse" x JOIN "Survey" s ON s.id = x."surveyId" JOIN "TrainingSession" t ON t.id = s."sessionId" WHERE t.notes = ?',
      )
      .get(`${MARK}:open`, `${MARK}:open`) as { responses: number; receipts: number };
    const duplicated = (
      db
        .prepare(
          'SELECT COUNT(*) AS n FROM (SELECT "surveyId", "userId" FROM "SurveyResponse" WHERE "userId" IS NOT NULL GROUP BY "surveyId", "userId" HAVING COUNT(*) > 1) AS d',
        )
        .get() as { n: number }
    ).n;
    const tallied = (
      db
        .prepare(
          'SELECT COALESCE(SUM(t.responses), 0) AS n FROM "SurveyTally" t JOIN "Survey" s ON s.id = t."surveyId" JOIN "TrainingSession" ts ON ts.id = s."sessionId" WHERE ts.notes = ?',
        )
        .get(`${MARK}:open`) as { n: number }
    ).n;
    db.close();
    latencies.sort((a, b) => a - b);
    const fiveXx = Object.entries(status)
      .filter(([code]) => code.startsWith("5"))
      .reduce((n, [, c]) => n + c, 0);
    const lost = created - stored.responses;
    const requests = latencies.length;
    rows.push({
      scenario: "surveys",
      name: `${WRITERS} concurrent survey submissions for ${SUBMIT_SECONDS} s`,
      reqPerSec: Math.round(requests / seconds),
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      errors: fiveXx + networkErrors,
      ratio: Math.round((requests / seconds / ctx.baseline().reqPerSec) * 100) / 100,
      figures: {
        requests,
        created,
        stored: stored.responses,
        receipts: stored.receipts,
        tallied,
        lost,
        duplicated: duplicated + acceptedDoubles + Math.max(0, stored.responses - created),
        doubleSubmitsRefused: refusedDoubles,
        "5xx": fiveXx,
        statuses: JSON.stringify(status),
        peakRssMb: ctx.peakRssMb(),
      },
      target: "0 lost, 0 duplicated, 0 5xx",
      pass:
        lost === 0 &&
        duplicated === 0 &&
        acceptedDoubles === 0 &&
        stored.responses === created &&
        stored.receipts === created &&
        tallied === created &&
        fiveXx === 0 &&
        networkErrors === 0,
    });
    return rows;
  },
};

export default scenario;
