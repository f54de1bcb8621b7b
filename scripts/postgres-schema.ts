// Writes prisma/postgres/schema (generated, not committed) from prisma/schema for
// `prisma generate --schema prisma/postgres/schema`; run by npm run db:generate.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { POSTGRES_SCHEMA_DIR, postgresSchemaFiles } from "../app/lib/db/postgres-schema";

const files = postgresSchemaFiles();
rmSync(POSTGRES_SCHEMA_DIR, { recursive: true, force: true });
mkdirSync(POSTGRES_SCHEMA_DIR, { recursive: true });
for (const f of files) writeFileSync(f.path, f.content);
