// Operator settings for backups and shutdown, from the one environment schema.
import path from "node:path";
import { env } from "../env.server";

/** Folder of the dated backups (default: `backups/` beside the database file). */
export function backupDir(dbFile: string): string {
  return path.resolve(env().WEIKE_BACKUP_DIR ?? path.join(path.dirname(path.resolve(dbFile)), "backups"));
}

/** How many dated backups to keep (default 7). */
export function backupKeep(): number {
  return env().WEIKE_BACKUP_KEEP;
}

/** Interval of the server's scheduled backups in ms; 0 turns them off (default 24 hours). */
export function backupIntervalMs(): number {
  return env().WEIKE_BACKUP_INTERVAL_HOURS * 3600_000;
}

/** How long a stopping server lets in-flight requests finish (default 10 s). */
export function shutdownGraceMs(): number {
  return env().WEIKE_SHUTDOWN_GRACE_SECONDS * 1000;
}
