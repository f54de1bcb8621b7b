// npm run db:restore FILE: replace DATABASE_URL with a verified backup. Refuses while a server
// holds the database or when FILE fails integrity_check (the database is then left as it was).
import { restorePostgres } from "../app/lib/db/backup-postgres.server";
import { BackupError, describeCounts, restoreDatabase } from "../app/lib/db/backup.server";
import { engineOf } from "../app/lib/db/engine";
import { sqliteFilePath } from "../app/lib/db/migrations.server";
import { databaseUrl } from "../app/lib/env.server";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore FILE");
  process.exit(2);
}
// PostgreSQL: pg_restore of a db:backup dump, in one transaction (stop the app servers first).
if (engineOf(databaseUrl()) === "postgres") {
  try {
    const r = restorePostgres(file, databaseUrl());
    console.log(`[restore] restored from ${file} with pg_restore: ${r.tables} tables`);
    process.exit(0);
  } catch (e) {
    console.error(`[restore] refused: ${e instanceof BackupError ? e.message : String(e)}`);
    process.exit(1);
  }
}
const dbFile = sqliteFilePath(databaseUrl());
try {
  const r = await restoreDatabase(file, dbFile);
  console.log(
    `[restore] ${dbFile} restored from ${file}: integrity ok, ${r.migrations} migrations; ${describeCounts(r)}`,
  );
  console.log(`[restore] the replaced database is kept as ${dbFile}.pre-restore`);
} catch (e) {
  console.error(`[restore] refused: ${e instanceof BackupError ? e.message : String(e)}`);
  process.exit(1);
}
