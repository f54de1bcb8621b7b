// Applies the committed SQL migrations (Prisma's folder layout) with better-sqlite3 and records
// them in Prisma's own `_prisma_migrations` table, so `prisma migrate deploy` agrees with us on a
// machine that has the engine.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface MigrationOnDisk {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(migrationsDir: string): MigrationOnDisk[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

export class MigrationError extends Error {}

/** Applies pending migrations; returns how many are applied in total. Throws a MigrationError naming the file. */
export function migrateDatabase(databaseUrl: string, migrationsDir: string): { applied: string[]; total: number } {
  const file = sqliteFilePath(databaseUrl);
  let db: Database.Database;
  try {
    if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { timeout: 10_000 });
    db.pragma("journal_mode = WAL");
  } catch (e) {
    throw new MigrationError(`cannot open database file ${path.resolve(file)}: ${(e as Error).message}`);
  }
  try {
    db.exec(CREATE_TABLE);
    const done = new Map(
      (
        db
          .prepare(
            `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
          )
          .all() as {
          migration_name: string;
          checksum: string;
        }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const applied: string[] = [];
    const migrations = listMigrations(migrationsDir);
    for (const m of migrations) {
      const known = done.get(m.name);
      if (known) {
        if (known !== m.checksum) {
          console.warn(`[migrate] ${m.name} was edited after it was applied to ${file}`);
        }
        continue;
      }
      const record = db.transaction(() => {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, new Date().toISOString());
      });
      try {
        record.immediate();
      } catch (e) {
        throw new MigrationError(`migration ${m.name} failed on ${path.resolve(file)}: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, total: migrations.length };
  } catch (e) {
    if (e instanceof MigrationError) throw e;
    throw new MigrationError(`cannot migrate database file ${path.resolve(file)}: ${(e as Error).message}`);
  } finally {
    db.close();
  }
}
