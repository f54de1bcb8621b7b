// Reads during a write burst: 50 people create training requests as fast as the server answers
// while a few others open pages, each on a new connection. Records the read latency with and
// without the burst: a read must not queue behind the writers (target p95 ≤ 100 ms).
import { request } from "node:http";
import { defaultDuration, percentile } from "../lib/load";
import { openDb } from "../lib/session-row";
import type { BenchRow, Scenario } from "../lib/types";

const WRITERS = 50;
const READERS = 5;

/** One GET on a fresh connection (no keep-alive): connecting is part of what is measured. */
function timedGet(url: string, cookie: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = request(url, { agent: false, headers: { cookie, connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
    });
    req.on("error", () => resolve({ ms: performance.now() - t0, status: 0 }));
    req.end();
  });
}

async function readLoop(url: string, cookie: string, until: () => boolean) {
  const latencies: number[] = [];
  let failed = 0;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (!until()) {
        const r = await timedGet(url, cookie);
        latencies.push(r.ms);
        if (r.status !== 200) failed++;
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), failed };
}

const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10) + "T09:00";

const scenario: Scenario = {
  name: "burst-reads",
  async run(ctx) {
    const db = openDb(ctx.dbFile);
    const lead = db.prepare("SELECT id, teamId FROM User WHERE email = 'lead@weike.test'").get() as {
      id: number;
      teamId: number;
    };
    const course = (
      db.prepare("SELECT id FROM Course WHERE status != 'retired' ORDER BY id LIMIT 1").get() as { id: number }
    ).id;
    db.close();
    const writer = ctx.cookieFor("lead@weike.test");
    const reader = ctx.cookieFor("trainee@weike.test");
    const readUrl = `${ctx.baseUrl}/requests`;
    const seconds = Math.min(defaultDuration(), 10);

    let stop = Date.now() + seconds * 1000;
    const quiet = await readLoop(readUrl, reader, () => Date.now() > stop);

    const writeLatencies: number[] = [];
    let writeErrors = 0;
    let n = 0;
    stop = Date.now() + seconds * 1000;
    const burst = Array.from({ length: WRITERS }, async (_, w) => {
      while (Date.now() < stop) {
        const body = new URLSearchParams({
          token: `burst-${w}-${n++}-${Date.now()}`,
          target: `course:${course}`,
          attendees: String(lead.id),
          slotKind: "morning",
          pref1: day(10),
          pref2: day(11),
          need: "bench burst",
          priority: "2",
        });
        const t0 = performance.now();
        try {
          const res = await fetch(`${ctx.baseUrl}/requests/new`, {
            method: "POST",
            body,
            redirect: "manual",
            headers: { cookie: writer, origin: ctx.baseUrl, "content-type": "application/x-www-form-urlencoded" },
          });
          await res.arrayBuffer();
          if (res.status >= 400) writeErrors++;
        } catch {
          writeErrors++;
        }
        writeLatencies.push(performance.now() - t0);
      }
    });
    // Readers start once the writers are under way.
    await new Promise((r) => setTimeout(r, 300));
    const during = await readLoop(readUrl, reader, () => Date.now() > stop);
    await Promise.all(burst);
    writeLatencies.sort((a, b) => a - b);

    const p95 = percentile(during.latencies, 95);
    const rows: BenchRow[] = [
      {
        scenario: "burst-reads",
        name: `page reads on new connections during ${WRITERS} concurrent writers (${READERS} readers)`,
        reqPerSec: Math.round(during.latencies.length / seconds),
        p50: percentile(during.latencies, 50),
        p95,
        p99: percentile(during.latencies, 99),
        errors: during.failed,
        figures: {
          quietP50: percentile(quiet.latencies, 50),
          quietP95: percentile(quiet.latencies, 95),
          writes: writeLatencies.length,
          writesPerSec: Math.round(writeLatencies.length / seconds),
          writeP95: percentile(writeLatencies, 95),
          writeErrors,
        },
        target: "read p95 ≤ 100 ms during the burst",
        pass: p95 <= 100 && during.failed === 0,
      },
    ];
    return rows;
  },
};

export default scenario;
