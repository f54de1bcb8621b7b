// The PostgreSQL schema is derived from the one source in prisma/schema: the same files with the
// datasource provider swapped and the client generated into its own folder (a generated Prisma
// client is bound to one provider). Nothing else may differ, so both engines hold the same models.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const POSTGRES_SCHEMA_DIR = "prisma/postgres/schema";
export const POSTGRES_MIGRATIONS_DIR = "prisma/migrations-postgres";

export interface SchemaFile {
  path: string;
  content: string;
}

/** One schema file rewritten for PostgreSQL; throws when the source does not look as expected. */
export function toPostgres(content: string): string {
  let out = content;
  if (/datasource\s+db\s*\{/.test(out)) {
    const swapped = out.replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"');
    if (swapped === out) throw new Error('the datasource must say provider = "sqlite"');
    out = swapped;
  }
  if (/generator\s+client\s*\{/.test(out)) {
    const moved = out.replace(
      /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/\.\.\/app\/generated\/prisma"/,
      '$1"../../../app/generated/prisma-postgres"',
    );
    if (moved === out) throw new Error('the generator must write to "../../app/generated/prisma"');
    out = moved;
  }
  return out;
}

/** The derived files, named as they are written under prisma/postgres/schema. */
export function postgresSchemaFiles(schemaDir = "prisma/schema"): SchemaFile[] {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith(".prisma"))
    .sort()
    .map((f) => ({
      path: path.join(POSTGRES_SCHEMA_DIR, f),
      content: toPostgres(readFileSync(path.join(schemaDir, f), "utf8")),
    }));
}
