// The response-time drill at scale: BENCH_DRILL_TRAINEES (200) trainees start the drill within
// BENCH_DRILL_ARRIVAL_SECONDS (10) and work through it as ResponseDrill.tsx does: each customer
// message is acknowledged as soon as it is shown, and answered after the time a person needs to
// read it and type the reply. Wanted: no errors, every drill completed and valid, reply
// acknowledgement p95 ≤ 300 ms, server peak RSS ≤ 256 MB.
import { humanReplyDelayMs, replyFor } from "../lib/human-reply";
import { seededRandom } from "../lib/human-typing";
import { openDb } from "../lib/session-row";
import { actionData } from "../lib/single-fetch";
import { envCount, insertTrainees, printSummary, Recorder, rssSampler, sleep } from "../lib/trainees";
import type { BenchRow, Scenario } from "../lib/types";

const TRAINEES = envCount("BENCH_DRILL_TRAINEES", 200);
const ARRIVAL_MS = envCount("BENCH_DRILL_ARRIVAL_SECONDS", 10) * 1000;
const PREFIX = "bench-drill";
const PATH = "/exams/response.data";
const RSS_TARGET_MB = 256;
const P95_TARGET_MS = 300;

type Message = { id: string; text: string };

/** One trainee's drill from opening the page to the last reply; true when it ended in a result. */
async function takeDrill(rec: Recorder, cookie: string, seed: number, arrivalMs: number): Promise<boolean> {
  const random = seededRandom(seed);
  await sleep(arrivalMs);
  await rec.send("page", cookie, "/exams/response");
  const start = await rec.sendStart("start", cookie, PATH, { intent: "start" });
  const started = actionData<{ started?: { token: string; message: Message } }>(start.body)?.started;
  if (!started) return false;
  let message: Message | undefined = started.message;
  while (message) {
    const { id, text } = message;
    // The page acknowledges the message when it renders it; the trainee is reading meanwhile.
    const ack = rec.send("ack", cookie, PATH, { intent: "ack", token: started.token, item: id });
    const reply = replyFor(id);
    await sleep(humanReplyDelayMs(text, reply, random));
    await ack;
    const res = await rec.send("reply", cookie, PATH, { intent: "reply", token: started.token, item: id, text: reply });
    if (/\/exams\/results\/\d+/.test(res.body)) return true;
    message = actionData<{ next?: Message }>(res.body)?.next;
  }
  return false;
}

const scenario: Scenario = {
  name: "response-drills",
  async prepare({ dbFile }) {
    insertTrainees(dbFile, PREFIX, TRAINEES);
  },

  async run(ctx) {
    const rec = new Recorder(ctx.baseUrl);
    const cookies = Array.from({ length: TRAINEES }, (_, i) => ctx.cookieFor(`${PREFIX}-${i}@weike.test`));
    const rss = rssSampler(ctx);
    const started = performance.now();
    const done = await Promise.all(cookies.map((c, i) => takeDrill(rec, c, 1000 + i, Math.random() * ARRIVAL_MS)));
    const seconds = Math.round((performance.now() - started) / 1000);
    const { before: rssBefore, peak: peakRss } = rss.stop();

    const db = openDb(ctx.dbFile);
    const results = db
      .prepare(
        `SELECT r.valid AS valid, r.passed AS passed, a.invalidReason AS reason
         FROM ExamResult r JOIN User u ON u.id = r.userId LEFT JOIN ExamAttempt a ON a.id = r.attemptId
         WHERE u.email LIKE '${PREFIX}-%' AND r.exam = 'response'`,
      )
      .all() as { valid: number; passed: number; reason: string | null }[];
    db.close();
    const reasons: Record<string, number> = {};
    for (const r of results) if (r.reason) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    const completed = done.filter(Boolean).length;
    const valid = results.filter((r) => r.valid === 1).length;
    const reply = rec.stats("reply");
    const errors = ["page", "start", "ack", "reply"].reduce((n, k) => n + rec.failures(k), 0);
    const row: BenchRow = {
      scenario: "response-drills",
      name: `${TRAINEES} trainees in response drills, human-paced replies`,
      p50: reply.p50,
      p95: reply.p95,
      p99: reply.p99,
      errors,
      figures: {
        seconds,
        replies: reply.count,
        replyMaxMs: reply.max,
        ackP95: rec.stats("ack").p95,
        startP95: rec.stats("start").p95,
        startBusy: rec.count("start-busy"),
        startWithRetriesP95: rec.stats("start-total").p95,
        completed,
        results: results.length,
        valid,
        passed: results.filter((r) => r.passed === 1).length,
        invalidReasons: JSON.stringify(reasons),
        rssBeforeMb: rssBefore,
        peakRssMb: peakRss,
        statuses: rec.statusText(),
      },
      target: `0 errors, all completed and valid, reply p95 ≤ ${P95_TARGET_MS} ms, RSS ≤ ${RSS_TARGET_MB} MB`,
      pass:
        errors === 0 &&
        completed === TRAINEES &&
        valid === TRAINEES &&
        reply.p95 <= P95_TARGET_MS &&
        peakRss <= RSS_TARGET_MB,
    };
    printSummary(row);
    return [row];
  },
};

export default scenario;
