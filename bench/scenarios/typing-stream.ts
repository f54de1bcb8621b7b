// The on-duty typing exam at scale: BENCH_TYPING_TRAINEES (500) trainees start the 3-minute
// Chinese typing exam within BENCH_TYPING_ARRIVAL_SECONDS (10) and type for the real 180 s, their
// pages sending the live stream exactly as TypingExam.tsx does (a batch cut every 4 s on a 100 ms
// timer, one at a time, a failed one retried unchanged after 1 s), then submit the whole log.
// Wanted: no acknowledged batch missing from the database, no errors, batch p95 ≤ 300 ms, every
// result valid (the typing is human-like), server peak RSS ≤ 256 MB.
// BENCH_TYPING_SMOKE_SECONDS=N submits after N seconds instead: a check of the harness, not the
// measurement (no real page submits early), and its row says so.
import { createHash } from "node:crypto";
import { STREAM_INTERVAL_MS } from "../../app/exams/scoring/typing-stream";
import { eventsUpTo, humanTypingEvents, seededRandom } from "../lib/human-typing";
import { openDb } from "../lib/session-row";
import { actionData } from "../lib/single-fetch";
import { envCount, insertTrainees, printSummary, Recorder, rssSampler, sleep } from "../lib/trainees";
import type { BenchRow, Scenario } from "../lib/types";

const TRAINEES = envCount("BENCH_TYPING_TRAINEES", 500);
const ARRIVAL_MS = envCount("BENCH_TYPING_ARRIVAL_SECONDS", 10) * 1000;
const SMOKE_MS = envCount("BENCH_TYPING_SMOKE_SECONDS", 0) * 1000;
const PREFIX = "bench-typing";
/** The page's timer period: everything it does happens on one of these ticks. */
const TICK_MS = 100;
const RETRY_MS = 1000;
const RSS_TARGET_MB = 256;
const P95_TARGET_MS = 300;

interface Started {
  token: string;
  target: string;
  durationMs: number;
}

interface TraineeOutcome {
  token?: string;
  cut: number;
  acked: number;
  superseded: number;
  refused: number;
  resultId?: number;
}

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** One trainee's page from opening it to the submitted log. */
async function takeExam(rec: Recorder, cookie: string, seed: number, arrivalMs: number): Promise<TraineeOutcome> {
  const out: TraineeOutcome = { cut: 0, acked: 0, superseded: 0, refused: 0 };
  await sleep(arrivalMs);
  await rec.send("page", cookie, "/exams/typing");
  const start = await rec.sendStart("start", cookie, "/exams/typing.data", { intent: "start", lang: "zh" });
  const started = actionData<{ started?: Started }>(start.body)?.started;
  if (!started) return out;
  out.token = started.token;
  // The page's clock starts when it renders the exam, once the start has answered.
  const t0 = performance.now();
  const now = () => Math.round(performance.now() - t0);
  const events = humanTypingEvents(started.target, started.durationMs, seededRandom(seed));
  const endAt = SMOKE_MS > 0 ? Math.min(SMOKE_MS, started.durationMs) : started.durationMs;
  const s = { sent: 0, seq: 0, lastCut: 0, lastTry: 0, stopped: false, submitting: false };
  let pending: { seq: number; at: number; events: unknown[] } | null = null;
  let inFlight: Promise<void> | null = null;

  const send = (at: number) => {
    const batch = pending!;
    s.lastTry = at;
    inFlight = rec
      .send("batch", cookie, "/exams/typing/stream", {
        token: started.token,
        seq: String(batch.seq),
        at: String(batch.at),
        events: JSON.stringify(batch.events),
      })
      .then((res) => {
        if (res.status >= 200 && res.status < 300) {
          s.sent += batch.events.length;
          s.seq++;
          pending = null;
          out.acked++;
        } else if (res.status === 409 && s.submitting) {
          out.superseded++; // the submitted log carries these events
        } else if (res.status > 0 && res.status < 500 && res.status !== 429) {
          s.stopped = true;
          out.refused++;
        }
      })
      .finally(() => (inFlight = null));
  };

  for (;;) {
    const at = now();
    if (at >= endAt) break;
    if (!inFlight && !s.stopped) {
      if (!pending && at - s.lastCut >= STREAM_INTERVAL_MS) {
        pending = { seq: s.seq, at, events: eventsUpTo(events, s.sent, at) };
        s.lastCut = at;
        out.cut++;
        send(at);
      } else if (pending && at - s.lastTry >= RETRY_MS) send(at);
    }
    // Wake on the first tick something can happen: the next cut or retry, or the end.
    let wake = endAt;
    if (!inFlight && !s.stopped) wake = Math.min(wake, pending ? s.lastTry + RETRY_MS : s.lastCut + STREAM_INTERVAL_MS);
    const ticks = Math.ceil(wake / TICK_MS) * TICK_MS;
    await Promise.race(inFlight ? [sleep(ticks - now()), inFlight] : [sleep(ticks - now())]);
  }
  // The timer's tick past the end: the whole log goes, whatever batch is still on its way.
  s.submitting = true;
  const durationMs = now();
  const log = JSON.stringify({ v: 1, durationMs, events: eventsUpTo(events, 0, durationMs) });
  const done = await rec.send("submit", cookie, "/exams/typing.data", { intent: "submit", token: started.token, log });
  const id = /\/exams\/results\/(\d+)/.exec(done.body)?.[1];
  if (id) out.resultId = Number(id);
  await inFlight;
  return out;
}

const scenario: Scenario = {
  name: "typing-stream",
  async prepare({ dbFile }) {
    insertTrainees(dbFile, PREFIX, TRAINEES);
  },

  async run(ctx) {
    const rec = new Recorder(ctx.baseUrl);
    // Signed in before the exam opens, as trainees at their desks are.
    const cookies = Array.from({ length: TRAINEES }, (_, i) => ctx.cookieFor(`${PREFIX}-${i}@weike.test`));
    const rss = rssSampler(ctx);
    const outcomes = await Promise.all(cookies.map((c, i) => takeExam(rec, c, i + 1, Math.random() * ARRIVAL_MS)));
    const { before: rssBefore, peak: peakRss } = rss.stop();

    const db = openDb(ctx.dbFile);
    const attempts = db
      .prepare(
        `SELECT a.tokenHash AS tokenHash, a.invalidReason AS reason,
           (SELECT COUNT(*) FROM TypingBatch b WHERE b.attemptId = a.id) AS stored,
           r.valid AS valid, r.passed AS passed
         FROM ExamAttempt a JOIN User u ON u.id = a.userId LEFT JOIN ExamResult r ON r.attemptId = a.id
         WHERE u.email LIKE '${PREFIX}-%' AND a.exam = 'typing:zh'`,
      )
      .all() as {
      tokenHash: string;
      reason: string | null;
      stored: number;
      valid: number | null;
      passed: number | null;
    }[];
    db.close();
    const byHash = new Map(attempts.map((a) => [a.tokenHash, a]));
    let lost = 0;
    let unannounced = 0;
    for (const o of outcomes) {
      const stored = o.token ? (byHash.get(hash(o.token))?.stored ?? 0) : 0;
      lost += Math.max(0, o.acked - stored);
      unannounced += Math.max(0, stored - o.acked);
    }
    const sum = (f: (o: TraineeOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
    const reasons: Record<string, number> = {};
    for (const a of attempts) if (a.reason) reasons[a.reason] = (reasons[a.reason] ?? 0) + 1;
    const valid = attempts.filter((a) => a.valid === 1).length;
    const submitted = sum((o) => (o.resultId ? 1 : 0));
    const batch = rec.stats("batch");
    const kinds = ["page", "start", "batch", "submit"];
    const superseded = sum((o) => o.superseded);
    const errors = kinds.reduce((n, k) => n + rec.failures(k), 0) - superseded;
    const row: BenchRow = {
      scenario: "typing-stream",
      name:
        `${TRAINEES} trainees, 3-minute Chinese typing with the live stream` +
        (SMOKE_MS > 0 ? ` (SMOKE: submitted after ${SMOKE_MS / 1000} s — not the measurement)` : ""),
      p50: batch.p50,
      p95: batch.p95,
      p99: batch.p99,
      errors,
      figures: {
        batchesSent: sum((o) => o.cut),
        batchesAcked: sum((o) => o.acked),
        batchesStored: attempts.reduce((n, a) => n + a.stored, 0),
        lost,
        storedUnacked: unannounced,
        superseded,
        refused: sum((o) => o.refused),
        batchMaxMs: batch.max,
        startP95: rec.stats("start").p95,
        startBusy: rec.count("start-busy"),
        startWithRetriesP95: rec.stats("start-total").p95,
        submitP95: rec.stats("submit").p95,
        submitted,
        valid,
        passed: attempts.filter((a) => a.passed === 1).length,
        invalidReasons: JSON.stringify(reasons),
        rssBeforeMb: rssBefore,
        peakRssMb: peakRss,
        statuses: rec.statusText(),
      },
      target: `0 lost, 0 errors, batch p95 ≤ ${P95_TARGET_MS} ms, all valid, RSS ≤ ${RSS_TARGET_MB} MB`,
      pass:
        lost === 0 &&
        errors === 0 &&
        submitted === TRAINEES &&
        valid === TRAINEES &&
        batch.p95 <= P95_TARGET_MS &&
        peakRss <= RSS_TARGET_MB,
    };
    printSummary(row);
    return [row];
  },
};

export default scenario;
