// What the exam-stream scenarios share: trainee accounts written before the server starts, an
// HTTP client that records every answer, a sampler of the server's memory and the summary line.
import { percentile } from "./load";
import { openDb } from "./session-row";
import type { BenchContext, BenchRow } from "./types";

const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A whole number from the environment, or the fallback when it is unset or not positive. */
export function envCount(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/** Trainee accounts `<prefix>-<i>@weike.test`, each in a team (the exam pages work for anyone). */
export function insertTrainees(dbFile: string, prefix: string, count: number) {
  const db = openDb(dbFile);
  try {
    const teams = (db.prepare("SELECT id FROM Team").all() as { id: number }[]).map((r) => r.id);
    const insUser = db.prepare(
      "INSERT INTO User (email, name, employeeNo, passwordHash, teamId, updatedAt) VALUES (?, ?, ?, 'x', ?, ?)",
    );
    const insRole = db.prepare("INSERT INTO UserRole (userId, role) VALUES (?, 'TRAINEE')");
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const user = insUser.run(
          `${prefix}-${i}@weike.test`,
          `${prefix} ${i}`,
          `${prefix.toUpperCase()}${i}`,
          teams.length ? teams[i % teams.length] : null,
          iso(Date.now()),
        );
        insRole.run(user.lastInsertRowid);
      }
    })();
  } finally {
    db.close();
  }
}

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** Sends what a browser would (the session cookie, a same-site Origin on POST) and counts answers. */
export class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly statuses = new Map<string, Record<string, number>>();
  networkErrors = 0;

  constructor(private readonly baseUrl: string) {}

  async send(kind: string, cookie: string, path: string, form?: Record<string, string>): Promise<Answer> {
    const a = await this.fetchOnce(cookie, path, form);
    this.note(kind, a.status === 0 ? "network" : String(a.status), a.ms);
    return a;
  }

  /**
   * A start as the exam pages send it: a 503 with Retry-After (the server shedding a start burst)
   * is sent again after that many seconds. The refusals count under `<kind>-busy`, the time from
   * the first try to the answer under `<kind>-total`; the answer itself under `kind`.
   */
  async sendStart(kind: string, cookie: string, path: string, form: Record<string, string>): Promise<Answer> {
    const t0 = performance.now();
    for (let tries = 1; ; tries++) {
      const a = await this.fetchOnce(cookie, path, form);
      if (a.status === 503 && a.retryAfter !== null && tries < 20) {
        this.note(`${kind}-busy`, "503", a.ms);
        await sleep(a.retryAfter * 1000);
        continue;
      }
      this.note(kind, a.status === 0 ? "network" : String(a.status), a.ms);
      this.note(`${kind}-total`, String(a.status), performance.now() - t0);
      return a;
    }
  }

  private async fetchOnce(
    cookie: string,
    path: string,
    form?: Record<string, string>,
  ): Promise<Answer & { retryAfter: number | null }> {
    const t0 = performance.now();
    try {
      const res = await fetch(this.baseUrl + path, {
        method: form ? "POST" : "GET",
        redirect: "manual",
        headers: {
          cookie,
          ...(form ? { origin: this.baseUrl, "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        body: form ? new URLSearchParams(form) : undefined,
      });
      const body = await res.text();
      const retryAfter = Number(res.headers.get("retry-after") ?? NaN);
      const ms = performance.now() - t0;
      return { status: res.status, body, ms, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null };
    } catch {
      this.networkErrors++;
      return { status: 0, body: "", ms: performance.now() - t0, retryAfter: null };
    }
  }

  /** How many answers of that kind there were. */
  count(kind: string): number {
    return this.latencies.get(kind)?.length ?? 0;
  }

  private note(kind: string, status: string, ms: number) {
    const list = this.latencies.get(kind) ?? [];
    list.push(ms);
    this.latencies.set(kind, list);
    const counts = this.statuses.get(kind) ?? {};
    counts[status] = (counts[status] ?? 0) + 1;
    this.statuses.set(kind, counts);
  }

  /** p50/p95/max of one kind of request, ms with one decimal. */
  stats(kind: string) {
    const sorted = [...(this.latencies.get(kind) ?? [])].sort((a, b) => a - b);
    return {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: percentile(sorted, 100),
    };
  }

  /** Answers of that kind outside 2xx/3xx, network failures included. */
  failures(kind: string): number {
    return Object.entries(this.statuses.get(kind) ?? {})
      .filter(([code]) => !/^[23]\d\d$/.test(code))
      .reduce((n, [, c]) => n + c, 0);
  }

  statusText(): string {
    return JSON.stringify(Object.fromEntries(this.statuses));
  }
}

/**
 * Samples the server's resident memory while a scenario runs; `stop()` gives the peak and what
 * the server held when the scenario began (to tell the load's share from the idle server's), MB.
 */
export function rssSampler(ctx: BenchContext, everyMs = 200) {
  const before = ctx.rssMb();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, ctx.rssMb())), everyMs);
  return {
    stop() {
      clearInterval(timer);
      return { before, peak: Math.max(peak, ctx.rssMb()) };
    },
  };
}

/** One line per scenario, next to the table: what was measured against which target. */
export function printSummary(row: BenchRow) {
  const verdict = row.pass === undefined ? "not judged" : row.pass ? "met" : "MISSED";
  console.log(`[bench] ${row.scenario}: ${row.name} — target ${row.target ?? "none"} — ${verdict}`);
}
