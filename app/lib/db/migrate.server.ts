// One entry for "bring this database up to date", whichever engine its URL names.
import { engineOf } from "./engine";
import { migratePostgres } from "./migrations-postgres.server";
import { migrateDatabase } from "./migrations.server";
import { POSTGRES_MIGRATIONS_DIR } from "./postgres-schema";

export const SQLITE_MIGRATIONS_DIR = "prisma/migrations";

export async function migrateUrl(url: string, migrationsDir?: string): Promise<{ applied: string[]; total: number }> {
  return engineOf(url) === "postgres"
    ? migratePostgres(url, migrationsDir ?? POSTGRES_MIGRATIONS_DIR)
    : migrateDatabase(url, migrationsDir ?? SQLITE_MIGRATIONS_DIR);
}
