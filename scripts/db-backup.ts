// npm run db:backup [FILE]: an online, verified copy of DATABASE_URL (safe while the server runs).
// Without FILE it writes a dated copy to WEIKE_BACKUP_DIR and keeps the newest WEIKE_BACKUP_KEEP.
import path from "node:path";
import { backupPostgres } from "../app/lib/db/backup-postgres.server";
import { backupDatabase, BackupError, describeCounts } from "../app/lib/db/backup.server";
import { engineOf } from "../app/lib/db/engine";
import { sqliteFilePath } from "../app/lib/db/migrations.server";
import { backupDir, backupKeep } from "../app/lib/db/ops-config.server";
import { databaseUrl, env } from "../app/lib/env.server";

// PostgreSQL: a pg_dump custom-format file (default folder: WEIKE_BACKUP_DIR or ./backups).
if (engineOf(databaseUrl()) === "postgres") {
  try {
    const dir = path.resolve(env().WEIKE_BACKUP_DIR ?? "backups");
    const r = backupPostgres(databaseUrl(), { target: process.argv[2], dir, keep: backupKeep() });
    console.log(`[backup] ${r.file}: pg_dump custom format, ${r.tables} tables`);
    for (const f of r.pruned) console.log(`[backup] removed old backup ${f}`);
    process.exit(0);
  } catch (e) {
    console.error(`[backup] ${e instanceof BackupError ? e.message : String(e)}`);
    process.exit(1);
  }
}

const dbFile = sqliteFilePath(databaseUrl());
try {
  const r = backupDatabase(dbFile, { target: process.argv[2], dir: backupDir(dbFile), keep: backupKeep() });
  console.log(`[backup] ${r.file}: integrity ok, ${r.migrations} migrations; ${describeCounts(r)}`);
  for (const f of r.pruned) console.log(`[backup] removed old backup ${f}`);
} catch (e) {
  console.error(`[backup] ${e instanceof BackupError ? e.message : String(e)}`);
  process.exit(1);
}
