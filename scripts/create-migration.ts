// npm run db:migration:create NAME — writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the committed migrations and prisma/schema, and the PostgreSQL
// twin in prisma/migrations-postgres/ from the schema snapshot kept beside those (decision 051).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { POSTGRES_MIGRATIONS_DIR, postgresSchemaFiles } from "../app/lib/db/postgres-schema";
import { diffMigrationsToSchema, diffPostgresSnapshotToSchema } from "../app/lib/db/schema-engine.server";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:create NAME   (NAME: lower-case letters, digits and _)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);

function write(root: string, sql: string) {
  const dir = path.join(root, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${dir}/migration.sql`);
}

const sql = await diffMigrationsToSchema("prisma/schema", "prisma/migrations");
if (sql) write("prisma/migrations", sql);

const snapshotFile = path.join(POSTGRES_MIGRATIONS_DIR, "schema-snapshot.prisma");
const snapshot = existsSync(snapshotFile) ? readFileSync(snapshotFile, "utf8") : null;
const pgSql = await diffPostgresSnapshotToSchema(snapshot);
if (pgSql) {
  write(POSTGRES_MIGRATIONS_DIR, pgSql);
  writeFileSync(
    snapshotFile,
    postgresSchemaFiles()
      .map((f) => `// ${path.basename(f.path)}\n${f.content}`)
      .join("\n"),
  );
  const lock = path.join(POSTGRES_MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
}
if (!sql && !pgSql) console.log("The schema and the migrations agree: no migration written.");
