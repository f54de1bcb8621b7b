import { migrateUrl } from "../app/lib/db/migrate.server";
import { MigrationError } from "../app/lib/db/migrations.server";
import { databaseUrl } from "../app/lib/env.server";

try {
  const { applied, total } = await migrateUrl(databaseUrl());
  console.log(`[migrate] ${applied.length} applied, ${total} in all`);
} catch (e) {
  if (e instanceof MigrationError) {
    console.error(`[migrate] ${e.message}`);
    process.exit(1);
  }
  throw e;
}
