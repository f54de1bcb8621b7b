// npm run db:migration:create NAME — writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the committed migrations and prisma/schema.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "../app/lib/db/schema-engine.server";

const name = (process.argv[2] ?? "").trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:create NAME   (NAME: lower-case letters, digits and _)");
  process.exit(2);
}
const sql = await diffMigrationsToSchema("prisma/schema", "prisma/migrations");
if (!sql) {
  console.log("The schema and the migrations agree: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
console.log(`wrote ${dir}/migration.sql`);
