// The PostgreSQL side of the migration runner: the same folder layout and the same
// `_prisma_migrations` record as Prisma keeps on PostgreSQL, so `prisma migrate deploy` agrees
// with us. Several instances may start at once: a session advisory lock (Prisma's own key) lets
// one migrate while the others wait, then find nothing left to do.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { redactUrl } from "./engine";
import { listMigrations, MigrationError } from "./migrations.server";

// The key `prisma migrate` takes, so it and this runner never migrate the same database at once.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Why this PostgreSQL server cannot be used, in one line (no stack), for start-up messages. */
export function describeConnectionError(url: string, e: unknown): string {
  const err = e as NodeJS.ErrnoException & { code?: string };
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return redactUrl(url);
    }
  })();
  const detail = err.code ? `${err.code}: ${err.message}` : (err.message ?? String(e));
  return `cannot reach PostgreSQL at ${where} (${detail.split("\n")[0]})`;
}

export async function connectPostgres(url: string, timeoutMs = 5_000): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  // An error after connecting (the server going away) must not crash the process from an
  // event emitter; the query in flight rejects with it instead.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => {});
    throw new MigrationError(describeConnectionError(url, e));
  }
  return client;
}

/** Applies pending PostgreSQL migrations, each in its own transaction; throws a MigrationError naming the migration. */
export async function migratePostgres(
  url: string,
  migrationsDir: string,
): Promise<{ applied: string[]; total: number }> {
  const client = await connectPostgres(url);
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const migrations = listMigrations(migrationsDir);
    const applied: string[] = [];
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known) {
        if (known !== m.checksum) console.warn(`[migrate] ${m.name} was edited after it was applied`);
        continue;
      }
      try {
        await client.query("BEGIN");
        await client.query(m.sql); // no parameters: the simple protocol runs the whole script
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        throw new MigrationError(`migration ${m.name} failed on PostgreSQL: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, total: migrations.length };
  } catch (e) {
    if (e instanceof MigrationError) throw e;
    throw new MigrationError(`cannot migrate PostgreSQL ${redactUrl(url)}: ${(e as Error).message}`);
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK})`).catch(() => {});
    await client.end().catch(() => {});
  }
}
