// The lock file a running server keeps beside its database (`<db>.lock`, holding its pid), so a
// restore can tell that the database is in use. A file left by a killed server names a dead
// process and is ignored.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function lockFileOf(dbFile: string): string {
  return `${path.resolve(dbFile)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of the live server holding this database, or null. */
export function serverHolding(dbFile: string): { pid: number; port?: number } | null {
  let raw: string;
  try {
    raw = readFileSync(lockFileOf(dbFile), "utf8");
  } catch {
    return null;
  }
  try {
    const info = JSON.parse(raw) as { pid?: unknown; port?: unknown };
    const pid = Number(info.pid);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !alive(pid)) return null;
    return { pid, port: typeof info.port === "number" ? info.port : undefined };
  } catch {
    return null;
  }
}

export function writeServerLock(dbFile: string, port: number) {
  writeFileSync(lockFileOf(dbFile), JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() }));
}

export function removeServerLock(dbFile: string) {
  try {
    const info = JSON.parse(readFileSync(lockFileOf(dbFile), "utf8")) as { pid?: unknown };
    if (Number(info.pid) === process.pid) rmSync(lockFileOf(dbFile), { force: true });
  } catch {
    // no lock file, or not ours
  }
}
