// Keeping SurveyTally, and with it the dashboard rollups, in step, always inside the caller's write
// transaction.
import { Prisma } from "~/generated/prisma/client";
import type { Tx } from "~/lib/db.server";
import { withRollups } from "./rollup-write.server";
import { COUNT_COLUMNS, countVector, type Answers } from "./tally-sql";

// Names quoted and the old value qualified with the table, as PostgreSQL needs (SQLite accepts it).
const columns = Prisma.raw(COUNT_COLUMNS.map((c) => `"${c}"`).join(", "));
const increments = Prisma.raw(COUNT_COLUMNS.map((c) => `"${c}" = "SurveyTally"."${c}" + excluded."${c}"`).join(", "));

/** Adds `next` and takes away `previous` (an edited answer) in the person's team's row. */
export async function countResponse(
  tx: Tx,
  surveyId: number,
  teamId: number | null,
  next: Answers,
  previous?: Answers,
) {
  const add = countVector(next);
  const remove = previous ? countVector(previous, -1) : [];
  const vector = add.map((v, i) => v + (remove[i] ?? 0));
  const responses = previous ? 0 : 1;
  await withRollups(
    tx,
    surveyId,
    () => tx.$executeRaw`
    INSERT INTO "SurveyTally" ("surveyId", "teamId", responses, ${columns})
    VALUES (${surveyId}, ${teamId ?? 0}, ${responses}, ${Prisma.join(vector)})
    ON CONFLICT ("surveyId", "teamId") DO UPDATE SET responses = "SurveyTally".responses + excluded.responses, ${increments}`,
  );
}

/** Recounts the invitations of one survey per team, after they were added or removed. */
export async function recountInvited(tx: Tx, surveyId: number) {
  await withRollups(tx, surveyId, async () => {
    await tx.$executeRaw`UPDATE "SurveyTally" SET invited = 0 WHERE "surveyId" = ${surveyId}`;
    await tx.$executeRaw`
    INSERT INTO "SurveyTally" ("surveyId", "teamId", invited)
    SELECT "surveyId", COALESCE("teamId", 0), COUNT(*) FROM "SurveyInvite" WHERE "surveyId" = ${surveyId} GROUP BY "surveyId", COALESCE("teamId", 0)
    ON CONFLICT ("surveyId", "teamId") DO UPDATE SET invited = excluded.invited`;
  });
}
