// npm run content:sync — brings the database in line with the content folder (CONTENT_DIR).
import { syncContent } from "../app/content/sync.server";
import { migrateDatabase } from "../app/lib/db/migrations.server";
import { db } from "../app/lib/db.server";
import { databaseUrl, contentDir } from "../app/lib/env.server";

migrateDatabase(databaseUrl(), "prisma/migrations");
const started = performance.now();
const r = await syncContent(process.argv[2] || contentDir());
const ms = Math.round(performance.now() - started);
console.log(
  `[content] ${r.created} new, ${r.newVersions} changed, ${r.unchanged} unchanged, ${r.retired} retired, ${r.series} series written, ${r.problems.length} problems (${ms} ms)`,
);
await db.$disconnect();
