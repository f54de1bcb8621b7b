// The server's own backups on a timer. They are SQLite's (`VACUUM INTO` a dated file beside the
// database); on PostgreSQL the timer is not started and one line says how to back up there.
import { backupDatabase, describeCounts } from "./backup.server";
import { runOnce } from "./cluster-lock.server";
import { engineOf } from "./engine";
import { sqliteFilePath } from "./migrations.server";
import { backupDir, backupIntervalMs, backupKeep } from "./ops-config.server";

export const POSTGRES_BACKUP_NOTE =
  "[weike] scheduled backups skipped on PostgreSQL: run `npm run db:backup` (pg_dump) from cron or use the server's own backups";

/** Starts the backup timer; returns it, or null when there is nothing to schedule. */
export function scheduleBackups(url: string, log: (line: string) => void = console.log): NodeJS.Timeout | null {
  const every = backupIntervalMs();
  if (!every) return null;
  if (engineOf(url) === "postgres") {
    // VACUUM INTO would open the URL as a file name and back up an empty SQLite database.
    log(POSTGRES_BACKUP_NOTE);
    return null;
  }
  const dbFile = sqliteFilePath(url);
  if (dbFile === ":memory:") return null;
  const backup = () =>
    runOnce("backup", async () => {
      const r = backupDatabase(dbFile, { dir: backupDir(dbFile), keep: backupKeep() });
      log(`[weike] backup ${r.file}: ${describeCounts(r)}; ${r.pruned.length} old removed`);
    }).catch((e) => console.error("[weike] scheduled backup failed:", (e as Error).message));
  const timer = setInterval(() => void backup(), Math.min(every, 2 ** 31 - 1));
  timer.unref();
  return timer;
}
