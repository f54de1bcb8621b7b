// Backups of a PostgreSQL deployment: pg_dump's custom format (compressed, restorable table by
// table), restored with pg_restore in one transaction. SQLite keeps its own procedure
// (backup.server.ts, VACUUM INTO); both are reached through npm run db:backup / db:restore.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { BackupError } from "./backup.server";
import { redactUrl } from "./engine";

const INSTALL_HINT = "install PostgreSQL's client tools (Debian: apt-get install postgresql-client)";

function tool(name: string, args: string[]): string {
  const run = spawnSync(name, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new BackupError(`${name} not found: ${INSTALL_HINT}, or put it on PATH`);
  }
  if (run.status !== 0) {
    const why = (run.stderr || String(run.error ?? "")).trim().split("\n")[0] ?? "";
    throw new BackupError(`${name} failed: ${why}`);
  }
  return run.stdout;
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** weike-pg-<db>-20261129T223000Z.dump: sorts by time, one prefix per database for pruning. */
export function datedDumpName(url: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
  return `weike-pg-${databaseName(url)}-${stamp}.dump`;
}

export interface PgBackup {
  file: string;
  tables: number;
  pruned: string[];
}

/** Dumps the database to `target`, or to a dated file in `dir` keeping the newest `keep`. */
export function backupPostgres(url: string, opts: { target?: string; dir: string; keep: number }): PgBackup {
  const file = path.resolve(opts.target ?? path.join(opts.dir, datedDumpName(url, new Date())));
  mkdirSync(path.dirname(file), { recursive: true });
  tool("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, `--dbname=${url}`]);
  const tables = listTables(file);
  const pruned = opts.target ? [] : prune(url, opts.dir, opts.keep);
  return { file, tables, pruned };
}

/** The archive's table count; pg_restore --list fails on a file that is not a custom-format dump. */
function listTables(file: string): number {
  return tool("pg_restore", ["--list", file])
    .split("\n")
    .filter((l) => / TABLE DATA /.test(l)).length;
}

function prune(url: string, dir: string, keep: number): string[] {
  const prefix = `weike-pg-${databaseName(url)}-`;
  const dumps = readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith(".dump"))
    .sort()
    .reverse();
  const old = dumps.slice(Math.max(1, keep));
  for (const f of old) rmSync(path.join(dir, f));
  return old;
}

/**
 * Replaces the database's contents with the dump, in one transaction: a dump that fails part
 * way leaves the database as it was. Stop the app servers first.
 */
export function restorePostgres(file: string, url: string): { tables: number } {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`no such file: ${file}`);
  const tables = listTables(file);
  try {
    tool("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${url}`, file]);
  } catch (e) {
    throw new BackupError(`${(e as Error).message} (${redactUrl(url)} left as it was)`);
  }
  return { tables };
}
