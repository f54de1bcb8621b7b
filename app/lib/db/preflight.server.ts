// Checks made before the server opens its database, and by /healthz: a database the server
// cannot write, or whose pages are damaged, must stop the start instead of answering "ok"
// and failing later on writes or searches.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Why this database file cannot be written, or null when it can. A missing file is fine when its folder is writable. */
export function notWritable(dbFile: string): string | null {
  const file = path.resolve(dbFile);
  const dir = path.dirname(file);
  try {
    if (existsSync(file)) {
      // Root may write anything: a file without write bits is read-only by the operator's intent.
      if ((statSync(file).mode & 0o222) === 0) return `database file ${file} is read-only (no write permission bits)`;
      accessSync(file, constants.W_OK);
    }
  } catch (e) {
    return `database file ${file} is not writable (${(e as NodeJS.ErrnoException).code})`;
  }
  try {
    // SQLite creates its -wal and -shm files beside the database.
    if (existsSync(dir)) accessSync(dir, constants.W_OK);
  } catch (e) {
    return `folder ${dir} is not writable (${(e as NodeJS.ErrnoException).code}); SQLite needs it for its WAL`;
  }
  return null;
}

/** The first problem that must stop a server from starting on this file, or null. */
export function startupProblem(dbFile: string): string | null {
  if (dbFile === ":memory:") return null;
  const file = path.resolve(dbFile);
  const readOnly = notWritable(file);
  if (readOnly) return readOnly;
  if (!existsSync(file)) return null; // a new database: migrations create it
  const size = statSync(file).size;
  const wal = `${file}-wal`;
  if (size === 0 && existsSync(wal) && statSync(wal).size > 0) {
    return `database file ${file} is empty but its WAL holds data: the file was truncated or replaced; restore a backup (npm run db:restore FILE)`;
  }
  if (size === 0) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 10_000 });
    // quick_check reads every page: through a small cache, so the server does not keep the
    // whole file's worth of freed heap after start-up (decision 047).
    db.pragma("cache_size = -4000");
    const rows = db.pragma("quick_check") as { quick_check: string }[];
    if (rows.length !== 1 || rows[0]?.quick_check !== "ok") {
      const detail = rows
        .map((r) => r.quick_check.replace(/\s+/g, " ").trim())
        .slice(0, 3)
        .join("; ");
      return `database file ${file} failed PRAGMA quick_check: ${detail}; restore a backup (npm run db:restore FILE)`;
    }
  } catch (e) {
    return `database file ${file} cannot be read: ${(e as Error).message}; restore a backup (npm run db:restore FILE)`;
  } finally {
    db?.close();
  }
  return null;
}
