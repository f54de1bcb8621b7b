// Jobs that must run once across every instance on one database (content sync, housekeeping,
// reminders, backups). PostgreSQL: a session-level advisory lock held on one dedicated
// connection for the job. SQLite: a lease row taken by a guarded write, so two processes on one
// file agree too. A job another instance is running is skipped (decision 052).
import pg from "pg";
import { Prisma } from "~/generated/prisma/client";
import { db, dbEngine } from "../db.server";
import { databaseUrl } from "../env.server";
import { instanceId } from "../instance.server";

export type RunOnceOptions = {
  /** When another instance holds the job: wait until it is done (without running fn again). */
  waitForOther?: boolean;
  /** SQLite: how long a lease lasts if its holder dies without releasing it. */
  leaseMs?: number;
  log?: (line: string) => void;
};

export type RunOnceResult<T> = { ran: true; value: T } | { ran: false };

const WAIT_POLL_MS = 250;

/** Runs fn unless another instance is running the job of the same name right now. */
export async function runOnce<T>(
  name: string,
  fn: () => Promise<T>,
  opts: RunOnceOptions = {},
): Promise<RunOnceResult<T>> {
  const log = opts.log ?? console.log;
  const result =
    dbEngine() === "postgres" ? await runOncePostgres(name, fn, opts) : await runOnceSqlite(name, fn, opts);
  if (!result.ran) log(`[weike] job ${name}: another instance runs it; skipped here`);
  return result;
}

async function runOncePostgres<T>(name: string, fn: () => Promise<T>, opts: RunOnceOptions): Promise<RunOnceResult<T>> {
  // A pooled connection could go back to the pool still holding the lock: this one is ours alone.
  const client = new pg.Client({ connectionString: databaseUrl(), connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  try {
    const key = "SELECT hashtextextended($1, 0) AS k";
    const { rows } = await client.query<{ k: string }>(key, [`weike:${name}`]);
    const k = rows[0]!.k;
    const got = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [k]);
    if (!got.rows[0]!.ok) {
      if (opts.waitForOther) {
        // Queues behind the holder; released at once: the job is done, not to be repeated.
        await client.query("SELECT pg_advisory_lock($1::bigint)", [k]);
        await client.query("SELECT pg_advisory_unlock($1::bigint)", [k]);
      }
      return { ran: false };
    }
    try {
      return { ran: true, value: await fn() };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1::bigint)", [k]).catch(() => {});
    }
  } finally {
    await client.end().catch(() => {});
  }
}

async function takeLease(name: string, holder: string, leaseMs: number): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + leaseMs);
  try {
    await db.jobLease.create({ data: { name, holder, until } });
    return true;
  } catch (e) {
    if (!(e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")) throw e;
  }
  // Only an expired lease can be taken over; of two takers the guard lets one through.
  const { count } = await db.jobLease.updateMany({ where: { name, until: { lt: now } }, data: { holder, until } });
  return count === 1;
}

async function runOnceSqlite<T>(name: string, fn: () => Promise<T>, opts: RunOnceOptions): Promise<RunOnceResult<T>> {
  // Unique per call, so two calls in one process exclude each other as two processes do.
  const holder = `${instanceId()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  if (!(await takeLease(name, holder, opts.leaseMs ?? 10 * 60_000))) {
    if (opts.waitForOther) {
      while (await db.jobLease.findFirst({ where: { name, until: { gte: new Date() } }, select: { name: true } })) {
        await new Promise((r) => setTimeout(r, WAIT_POLL_MS));
      }
    }
    return { ran: false };
  }
  try {
    return { ran: true, value: await fn() };
  } finally {
    await db.jobLease.deleteMany({ where: { name, holder } }).catch(() => {});
  }
}
