// The synchronised exam start: 500 trainees open the same knowledge quiz within 10 s, start
// their attempt and submit it well within the time limit — as plain browser form posts, the way
// a shared terminal without JavaScript would. Zero errors wanted, p95 ≤ 300 ms.
import { percentile } from "../lib/load";
import { openDb } from "../lib/session-row";
import type { Scenario } from "../lib/types";

const TRAINEES = Number(process.env.BENCH_EXAM_START_TRAINEES ?? 500);
const ARRIVAL_MS = 10_000;
const BANK = "complaint-handling";
const email = (i: number) => `bench-start-${i}@weike.test`;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Answer = { status: number; text: string; retryAfter: number | null };

const scenario: Scenario = {
  name: "exam-start",
  async prepare({ dbFile }) {
    const db = openDb(dbFile);
    try {
      const insUser = db.prepare(
        "INSERT INTO User (email, name, employeeNo, passwordHash, updatedAt) VALUES (?, ?, ?, 'x', ?)",
      );
      const insRole = db.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'TRAINEE')");
      db.transaction(() => {
        for (let i = 0; i < TRAINEES; i++)
          insRole.run(insUser.run(email(i), `Bench start ${i}`, `BST${i}`, iso(Date.now())).lastInsertRowid);
      })();
    } finally {
      db.close();
    }
  },

  async run(ctx) {
    const cookies = Array.from({ length: TRAINEES }, (_, i) => ctx.cookieFor(email(i)));
    const url = `${ctx.baseUrl}/exams/quiz/${BANK}`;
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let errors = 0;
    let submitted = 0;
    let busy = 0;
    const startTotals: number[] = [];
    const call = async (cookie: string, form?: Record<string, string | string[]>): Promise<Answer> => {
      const t0 = performance.now();
      try {
        const body = new URLSearchParams();
        for (const [k, v] of Object.entries(form ?? {}))
          for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
        const res = await fetch(url, {
          method: form ? "POST" : "GET",
          redirect: "manual",
          headers: {
            cookie,
            ...(form ? { origin: ctx.baseUrl, "content-type": "application/x-www-form-urlencoded" } : {}),
          },
          body: form ? body : undefined,
        });
        const text = await res.text();
        latencies.push(performance.now() - t0);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const retryAfter = Number(res.headers.get("retry-after") ?? NaN);
        // A start turned away by a busy server (503, Retry-After) is not a failure: it is tried again.
        if (res.status >= 400 && !(res.status === 503 && Number.isFinite(retryAfter))) errors++;
        return { status: res.status, text, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null };
      } catch {
        errors++;
        return { status: 0, text: "", retryAfter: null };
      }
    };
    // The start as a person at a terminal does it: turned away (503), they start again after the
    // seconds the page names (Retry-After), as the page itself does when JavaScript runs.
    const start = async (cookie: string) => {
      const t0 = performance.now();
      for (let tries = 1; ; tries++) {
        const res = await call(cookie, { intent: "start" });
        if (res.status === 503 && res.retryAfter !== null && tries < 20) {
          busy++;
          await sleep(res.retryAfter * 1000);
          continue;
        }
        if (res.status === 503) errors++;
        startTotals.push(performance.now() - t0);
        return res;
      }
    };

    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie) => {
        await sleep(Math.random() * ARRIVAL_MS);
        await call(cookie); // open the exam page
        const started = await start(cookie);
        const token = /name="token" value="([^"]+)"/.exec(started.text)?.[1];
        const questions = [
          ...new Set(
            [...started.text.matchAll(/name="a\.([\w-]+)" value="([^"]+)"/g)].map((m) => `${m[1]}\u0000${m[2]}`),
          ),
        ];
        if (!token) {
          errors++;
          return;
        }
        // Each trainee answers in 5–15 s: the first offered choice of every question.
        const answers: Record<string, string> = {};
        for (const q of questions) {
          const [id, value] = q.split("\u0000");
          if (value !== undefined) answers[`a.${id}`] ??= value;
        }
        await sleep(5_000 + Math.random() * 10_000);
        const done = await call(cookie, { intent: "submit", token, ...answers });
        if (done.status === 302) submitted++;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const p95 = percentile(latencies, 95);
    return [
      {
        scenario: "exam-start",
        name: `${TRAINEES} trainees open and start a quiz within 10 s, submit in 5–15 s`,
        reqPerSec: Math.round(latencies.length / seconds),
        p50: percentile(latencies, 50),
        p95,
        p99: percentile(latencies, 99),
        errors,
        figures: {
          requests: latencies.length,
          submitted,
          statuses: JSON.stringify(statuses),
          startsTurnedAway: busy,
          startWithRetriesP95: percentile(
            startTotals.sort((a, b) => a - b),
            95,
          ),
          peakRssMb: ctx.peakRssMb(),
        },
        target: "0 errors, p95 ≤ 300 ms",
        pass: errors === 0 && submitted === TRAINEES && p95 <= 300,
      },
    ];
  },
};

export default scenario;
