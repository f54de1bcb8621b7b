// npm run db:seed — the demo data. Safe to run again: nothing that exists is changed.
import { migrateUrl } from "../app/lib/db/migrate.server";
import { db } from "../app/lib/db.server";
import { databaseUrl } from "../app/lib/env.server";
import { seedCatalogue } from "./seed/catalogue";
import { seedDevelopment } from "./seed/development";
import { seedExams } from "./seed/exams";
import { seedNeeds } from "./seed/needs";
import { seedSurveys } from "./seed/surveys";
import { seedUsers } from "./seed/users";
import { seedWorkflow } from "./seed/workflow";

// Either engine: a PostgreSQL URL read as a file name would create a stray SQLite file.
await migrateUrl(databaseUrl());
const users = await seedUsers(db);
console.log(`[seed] ${users} demo users created`);
await seedCatalogue();
const workflow = await seedWorkflow(db);
console.log(`[seed] ${workflow.rooms} training rooms, ${workflow.requests} demo training requests created`);
console.log(`[seed] ${await seedSurveys(db)} demo survey sessions created`);
console.log(`[seed] ${await seedExams(db)} demo trainees given exam results`);
console.log(`[seed] ${await seedDevelopment(db)} demo course development project created`);
console.log(`[seed] ${await seedNeeds(db)} demo needs-survey answers created`);
await db.$disconnect();
