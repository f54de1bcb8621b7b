// npm run db:backup [FILE]: an online, verified copy of DATABASE_URL (safe while the server runs).
// Without FILE it writes a dated copy to WEIKE_BACKUP_DIR and keeps the newest WEIKE_BACKUP_KEEP.
import { backupDatabase, BackupError, describeCounts } from "../app/lib/db/backup.server";
import { sqliteFilePath } from "../app/lib/db/migrations.server";
import { backupDir, backupKeep } from "../app/lib/db/ops-config.server";
import { databaseUrl } from "../app/lib/env.server";

const dbFile = sqliteFilePath(databaseUrl());
try {
  const r = backupDatabase(dbFile, { target: process.argv[2], dir: backupDir(dbFile), keep: backupKeep() });
  console.log(`[backup] ${r.file}: integrity ok, ${r.migrations} migrations; ${describeCounts(r)}`);
  for (const f of r.pruned) console.log(`[backup] removed old backup ${f}`);
} catch (e) {
  console.error(`[backup] ${e instanceof BackupError ? e.message : String(e)}`);
  process.exit(1);
}
