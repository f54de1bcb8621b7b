// Operator settings for backups and shutdown, read from the environment in one place.
import path from "node:path";

function count(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const v = Number(raw);
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** Folder of the dated backups (default: `backups/` beside the database file). */
export function backupDir(dbFile: string): string {
  return path.resolve(process.env.WEIKE_BACKUP_DIR || path.join(path.dirname(path.resolve(dbFile)), "backups"));
}

/** How many dated backups to keep (default 7). */
export function backupKeep(): number {
  return Math.max(1, Math.floor(count("WEIKE_BACKUP_KEEP", 7)));
}

/** Interval of the server's scheduled backups in ms; 0 turns them off (default 24 hours). */
export function backupIntervalMs(): number {
  return count("WEIKE_BACKUP_INTERVAL_HOURS", 24) * 3600_000;
}

/** How long a stopping server lets in-flight requests finish (default 10 s). */
export function shutdownGraceMs(): number {
  return count("WEIKE_SHUTDOWN_GRACE_SECONDS", 10) * 1000;
}
