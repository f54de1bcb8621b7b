// Online backups and offline restores of the SQLite database.
// Backups use `VACUUM INTO`: one read transaction, so the copy is a consistent snapshot taken
// while the server keeps writing (WAL readers never block writers), and it never restarts the
// way the page-by-page backup API does when another connection writes. Restores run only while
// no server holds the database, and replace the file atomically (temp copy + rename).
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { serverHolding } from "./server-lock.server";
import { createSqliteAdapter } from "./sqlite-adapter.server";

/** Tables whose row counts are printed after a backup or restore. */
const MAIN_TABLES = [
  "User",
  "Course",
  "CourseProgress",
  "TrainingRequest",
  "ExamAttempt",
  "ExamResult",
  "SurveyResponse",
  "AuditLog",
];

export class BackupError extends Error {}

export interface Verified {
  file: string;
  migrations: number;
  counts: Record<string, number>;
}

/** integrity_check plus the row counts of the main tables; throws a BackupError when the file is not a sound Weike database. */
export function verifyDatabase(file: string): Verified {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new BackupError(`${file}: cannot be opened: ${(e as Error).message}`);
  }
  try {
    const rows = db.pragma("integrity_check") as { integrity_check: string }[];
    if (rows.length !== 1 || rows[0]?.integrity_check !== "ok") {
      const detail = rows.map((r) => r.integrity_check.replace(/\s+/g, " ").trim()).slice(0, 3);
      throw new BackupError(`${file}: integrity_check failed: ${detail.join("; ")}`);
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    if (!tables.has("_prisma_migrations")) throw new BackupError(`${file}: not a Weike database (no migrations table)`);
    const count = (t: string) => Number((db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n);
    const counts: Record<string, number> = {};
    for (const t of MAIN_TABLES) if (tables.has(t)) counts[t] = count(t);
    const migrations = Number(
      (
        db
          .prepare(
            "SELECT COUNT(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
          )
          .get() as { n: number }
      ).n,
    );
    return { file, migrations, counts };
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file}: cannot be read: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}

export function describeCounts(v: Verified): string {
  return Object.entries(v.counts)
    .map(([t, n]) => `${t} ${n}`)
    .join(", ");
}

/** The name of a dated backup, e.g. weike-2026-11-29T103005Z.db (UTC, so names sort by time). */
export function datedBackupName(dbFile: string, at: Date): string {
  const base = path.basename(dbFile).replace(/\.db$/, "");
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/:/g, "");
  return `${base}-${stamp}.db`;
}

function datedPattern(dbFile: string): RegExp {
  const base = path.basename(dbFile).replace(/\.db$/, "");
  return new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z\\.db$`);
}

/** Deletes the oldest dated backups beyond `keep`; returns the deleted paths. */
export function pruneBackups(dbFile: string, dir: string, keep: number): string[] {
  if (!existsSync(dir)) return [];
  const pattern = datedPattern(dbFile);
  const dated = readdirSync(dir)
    .filter((n) => pattern.test(n))
    .sort()
    .reverse();
  const gone = dated.slice(keep).map((n) => path.join(dir, n));
  for (const f of gone) rmSync(f, { force: true });
  return gone;
}

/**
 * Writes a consistent copy of the live database to `target` (or a dated file in `dir`), verifies
 * it, and prunes the dated copies beyond `keep`. Safe while a server is writing.
 */
export function backupDatabase(
  dbFile: string,
  opts: { target?: string; dir: string; keep: number; now?: Date },
): Verified & { pruned: string[] } {
  const source = path.resolve(dbFile);
  if (!existsSync(source)) throw new BackupError(`${source}: no such database`);
  const target = path.resolve(opts.target ?? path.join(opts.dir, datedBackupName(source, opts.now ?? new Date())));
  if (target === source) throw new BackupError("the backup cannot overwrite the database itself");
  mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.partial`;
  rmSync(temp, { force: true });
  const db = new Database(source, { fileMustExist: true, timeout: 15_000 });
  try {
    db.prepare("VACUUM INTO ?").run(temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new BackupError(`${source}: backup failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  let verified: Verified;
  try {
    verified = verifyDatabase(temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  renameSync(temp, target);
  const pruned = opts.target ? [] : pruneBackups(source, opts.dir, opts.keep);
  return { ...verified, file: target, pruned };
}

/**
 * Replaces the database with a backup. Refuses while a server holds the database, and refuses a
 * backup that fails integrity_check, leaving the current database untouched. The replaced
 * database is kept as `<db>.pre-restore` (with its WAL) until the next restore.
 */
export async function restoreDatabase(backupFile: string, dbFile: string): Promise<Verified> {
  const source = path.resolve(backupFile);
  const target = path.resolve(dbFile);
  const holder = serverHolding(target);
  if (holder) {
    throw new BackupError(
      `a server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ""}) holds ${target}: stop it first`,
    );
  }
  if (!existsSync(source)) throw new BackupError(`${source}: no such file`);
  if (source === target) throw new BackupError("the backup is the database itself");
  verifyDatabase(source);

  const temp = `${target}.restoring`;
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, temp);
  try {
    verifyDatabase(temp);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  // A WAL left beside the new file would be replayed into it and corrupt it: the old database
  // moves aside together with its WAL, and the -shm index goes.
  const aside = `${target}.pre-restore`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(aside + suffix, { force: true });
  if (existsSync(target)) renameSync(target, aside);
  if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${aside}-wal`);
  rmSync(`${target}-shm`, { force: true });
  renameSync(temp, target);

  const after = verifyDatabase(target);
  try {
    await recordRestore(target, source, after);
  } catch (e) {
    // An older backup may predate the audit table's current shape; the command still logs it.
    console.warn(`[restore] not recorded in the audit log: ${(e as Error).message.split("\n")[0]}`);
  }
  return after;
}

async function recordRestore(target: string, source: string, v: Verified) {
  const db = new PrismaClient({ adapter: createSqliteAdapter(`file:${target}`) });
  try {
    await db.auditLog.create({
      data: {
        actorId: null,
        action: "db.restore",
        subjectId: null,
        detail: JSON.stringify({ from: source, ...v.counts }),
      },
      select: { id: true },
    });
  } finally {
    await db.$disconnect();
  }
}
