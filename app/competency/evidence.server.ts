// The evidence behind competency profiles, read for many people at once: one query per kind of
// evidence (drill rubric, exam results, self-assessment), each aggregated in SQL to the latest
// row per person and indicator or exam, so a team of 60 costs three queries, not 180.
// The same SQL runs on SQLite and PostgreSQL (quoted names; JSON through sql.server helpers).
import { isCompetencyId, type CompetencyId } from "~/content/competencies";
import { Prisma } from "~/generated/prisma/client";
import { intValues, jsonEntries, jsonField } from "~/lib/db/sql.server";
import { db } from "~/lib/db.server";
import { examLevel, type CompetencyModel } from "./model";
import type { Evidence, Observation } from "./profile";

const iso = (v: unknown) => new Date(typeof v === "bigint" ? Number(v) : (v as string | number)).toISOString();

function put(
  byUser: Map<number, Evidence>,
  userId: number,
  id: CompetencyId,
  kind: "drill" | "exam" | "self",
  o: Observation,
) {
  let e = byUser.get(userId);
  if (!e) byUser.set(userId, (e = {}));
  const cur = (e[id] ??= {});
  const old = cur[kind];
  if (!old || old.at < o.at) cur[kind] = o;
}

/** Every person's evidence, by user id (a person with none is absent). */
export async function evidenceFor(model: CompetencyModel, userIds: readonly number[]): Promise<Map<number, Evidence>> {
  const byUser = new Map<number, Evidence>();
  if (userIds.length === 0) return byUser;
  const ids = intValues(userIds);
  const exams = model.exams.length ? Prisma.join(model.exams.map((x) => x.exam)) : Prisma.sql`NULL`;
  // The latest row per person and indicator / exam: ROW_NUMBER over the id, newest first.
  // Sequential, not Promise.all: the three share one connection when called inside a transaction.
  const drills = await db.$queryRaw<{ userId: number; indicator: string; score: unknown; at: unknown }[]>`
      SELECT "userId", "indicator", "score", "at" FROM (
        SELECT r."userId" AS "userId", j."key" AS "indicator", j."value" AS "score", r."createdAt" AS "at",
               ROW_NUMBER() OVER (PARTITION BY r."userId", j."key" ORDER BY r."id" DESC) AS "n"
        FROM "ExamResult" r, ${jsonEntries(Prisma.sql`r."figures"`, "scores")} j
        WHERE r."exam" = 'drill' AND r."valid" AND r."userId" IN (${ids})
      ) AS latest WHERE "n" = 1`;
  const results = await db.$queryRaw<{ userId: number; exam: string; score: number; at: unknown }[]>`
      SELECT "userId", "exam", "score", "at" FROM (
        SELECT r."userId" AS "userId", r."exam" AS "exam", r."score" AS "score", r."createdAt" AS "at",
               ROW_NUMBER() OVER (PARTITION BY r."userId", r."exam" ORDER BY r."id" DESC) AS "n"
        FROM "ExamResult" r
        WHERE r."valid" AND ${jsonField(Prisma.sql`r."figures"`, "abandoned")} IS NULL
          AND r."exam" IN (${exams}) AND r."userId" IN (${ids})
      ) AS latest WHERE "n" = 1`;
  const selves = await db.$queryRaw<{ userId: number; scores: string; at: unknown }[]>`
      SELECT "userId", "scores", "at" FROM (
        SELECT a."userId" AS "userId", a."scores" AS "scores", a."createdAt" AS "at",
               ROW_NUMBER() OVER (PARTITION BY a."userId" ORDER BY a."id" DESC) AS "n"
        FROM "SelfAssessment" a WHERE a."userId" IN (${ids})
      ) AS latest WHERE "n" = 1`;
  for (const d of drills) {
    const level = Number(d.score);
    if (isCompetencyId(d.indicator) && Number.isInteger(level) && level >= 1 && level <= 5)
      put(byUser, Number(d.userId), d.indicator, "drill", { level, at: iso(d.at) });
  }
  for (const r of results) {
    const link = model.exams.find((x) => x.exam === r.exam);
    if (!link) continue;
    const o = { level: examLevel(link, Number(r.score)), at: iso(r.at), exam: r.exam };
    for (const id of link.indicators) put(byUser, Number(r.userId), id, "exam", o);
  }
  for (const s of selves) {
    const scores = JSON.parse(s.scores) as Record<string, number>;
    for (const [id, level] of Object.entries(scores))
      if (isCompetencyId(id)) put(byUser, Number(s.userId), id, "self", { level, at: iso(s.at) });
  }
  return byUser;
}
