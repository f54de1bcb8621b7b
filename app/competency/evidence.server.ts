// The evidence behind competency profiles, read for many people at once: one query per kind of
// evidence (drill rubric, exam results, self-assessment), each aggregated in SQL to the latest
// row per person and indicator or exam, so a team of 60 costs three queries, not 180.
import { isCompetencyId, type CompetencyId } from "~/content/competencies";
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
  const ids = JSON.stringify(userIds);
  const exams = JSON.stringify(model.exams.map((x) => x.exam));
  // SQLite takes the bare columns of a MAX() aggregate from the row holding the maximum.
  const [drills, results, selves] = await Promise.all([
    db.$queryRaw<{ userId: number; indicator: string; score: number; at: unknown; rid: number }[]>`
      SELECT r.userId AS userId, j.key AS indicator, j.value AS score, r.createdAt AS at, MAX(r.id) AS rid
      FROM ExamResult r, json_each(r.figures, '$.scores') j
      WHERE r.exam = 'drill' AND r.valid = 1 AND r.userId IN (SELECT value FROM json_each(${ids}))
      GROUP BY r.userId, j.key`,
    db.$queryRaw<{ userId: number; exam: string; score: number; at: unknown; rid: number }[]>`
      SELECT userId, exam, score, createdAt AS at, MAX(id) AS rid
      FROM ExamResult
      WHERE valid = 1 AND json_extract(figures, '$.abandoned') IS NULL
        AND exam IN (SELECT value FROM json_each(${exams}))
        AND userId IN (SELECT value FROM json_each(${ids}))
      GROUP BY userId, exam`,
    db.$queryRaw<{ userId: number; scores: string; at: unknown; sid: number }[]>`
      SELECT userId, scores, createdAt AS at, MAX(id) AS sid
      FROM SelfAssessment
      WHERE userId IN (SELECT value FROM json_each(${ids}))
      GROUP BY userId`,
  ]);
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
