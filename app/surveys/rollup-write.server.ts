// Keeping the dashboard rollups in step with SurveyTally, always inside the caller's write
// transaction, and rebuilding them when they cannot be trusted (first start after the migration,
// a changed time zone, rows written outside the app).
import { localDay, localMonth, timeZone } from "~/lib/clock";
import { onPostgres, withPgParams } from "~/lib/db/sql.server";
import { db, type Tx } from "~/lib/db.server";
import { applySurveySql, rebuildSql, type Grain } from "./rollup-sql";

const GRAINS: Grain[] = ["day", "month"];

async function apply(tx: Tx, surveyId: number, sign: 1 | -1) {
  const survey = await tx.survey.findUnique({ where: { id: surveyId }, select: { heldOn: true } });
  if (!survey) return;
  const period = { day: localDay(survey.heldOn), month: localMonth(survey.heldOn) };
  for (const grain of GRAINS)
    await tx.$executeRawUnsafe(withPgParams(applySurveySql(grain, sign)), period[grain], surveyId);
}

/**
 * Makes the writers of one survey's tally take turns until the transaction ends. SQLite runs one
 * write transaction at a time anyway; under PostgreSQL's READ COMMITTED two answers would both
 * take the same old tally out of the rollups. FOR NO KEY UPDATE does not wait for the key-share
 * locks that inserts referring to the survey take, so an answer transaction may lock it at any
 * point; taking it first keeps every answer's locks in one order.
 */
export async function lockSurvey(tx: Tx, surveyId: number): Promise<void> {
  if (onPostgres()) await tx.$executeRaw`SELECT 1 FROM "Survey" WHERE "id" = ${surveyId} FOR NO KEY UPDATE`;
}

/**
 * Runs `change` (which writes the survey's SurveyTally rows) with the survey's share of the
 * rollups taken out before and put back after, so the rollups follow whatever changed.
 */
export async function withRollups<T>(tx: Tx, surveyId: number, change: () => Promise<T>): Promise<T> {
  await lockSurvey(tx, surveyId);
  await apply(tx, surveyId, -1);
  const result = await change();
  await apply(tx, surveyId, 1);
  return result;
}

/** Recounts both rollups from SurveyTally, in one transaction. */
export async function rebuildRollups(): Promise<void> {
  const zone = timeZone();
  await db.$transaction(
    async (tx) => {
      const surveys = await tx.survey.findMany({ select: { id: true, heldOn: true } });
      await tx.$executeRawUnsafe(
        `CREATE TEMP TABLE IF NOT EXISTS "SurveyPeriod" ("surveyId" INTEGER PRIMARY KEY, "day" TEXT NOT NULL, "month" TEXT NOT NULL)`,
      );
      await tx.$executeRawUnsafe(`DELETE FROM "SurveyPeriod"`);
      for (let i = 0; i < surveys.length; i += 300) {
        const chunk = surveys.slice(i, i + 300);
        await tx.$executeRawUnsafe(
          withPgParams(
            `INSERT INTO "SurveyPeriod" ("surveyId", "day", "month") VALUES ${chunk.map(() => "(?, ?, ?)").join(", ")}`,
          ),
          ...chunk.flatMap((s) => [s.id, localDay(s.heldOn), localMonth(s.heldOn)]),
        );
      }
      for (const grain of GRAINS) for (const sql of rebuildSql(grain)) await tx.$executeRawUnsafe(sql);
      await tx.$executeRawUnsafe(`DROP TABLE "SurveyPeriod"`);
      await tx.$executeRaw`INSERT INTO "SurveyRollupState" ("id", "zone") VALUES (1, ${zone})
        ON CONFLICT ("id") DO UPDATE SET "zone" = excluded."zone"`;
    },
    { timeout: 60_000 },
  );
}

let checked: Promise<void> | null = null;

/** Rebuilds the rollups once per process when they were built in another zone or never. */
export function ensureRollups(): Promise<void> {
  checked ??= (async () => {
    const state = await db.surveyRollupState.findUnique({ where: { id: 1 } });
    if (state?.zone === timeZone()) return;
    const started = performance.now();
    await rebuildRollups();
    console.log(`[surveys] dashboard rollups rebuilt in ${Math.round(performance.now() - started)} ms`);
  })().catch((e: unknown) => {
    checked = null;
    throw e;
  });
  return checked;
}
