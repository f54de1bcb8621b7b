// Catalogue search on PostgreSQL (decision 051): every term, long or short, must occur in the
// title, summary or body (ILIKE, case-insensitive like FTS5's trigram MATCH); pg_trgm's GIN
// indexes answer the terms of three or more characters. Ranking stands in for bm25 with the
// same weights: a title hit counts 10, a summary hit 4, a body hit 1, summed over the terms.
import { db } from "~/lib/db.server";
import { likePattern } from "./search";

/** Course ids matching every term (from searchTerms), best first. */
export async function runSearchPostgres(terms: string[]): Promise<number[]> {
  const patterns = terms.map(likePattern);
  if (!patterns.length) return [];
  const hit = (col: string, i: number) => `"${col}" ILIKE $${i + 1}`;
  const where = patterns.map((_, i) => `(${hit("title", i)} OR ${hit("summary", i)} OR ${hit("body", i)})`);
  const score = patterns
    .map(
      (_, i) =>
        `(CASE WHEN ${hit("title", i)} THEN 10 ELSE 0 END + CASE WHEN ${hit("summary", i)} THEN 4 ELSE 0 END + CASE WHEN ${hit("body", i)} THEN 1 ELSE 0 END)`,
    )
    .join(" + ");
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM "course_search" WHERE ${where.join(" AND ")} ORDER BY ${score} DESC, id LIMIT 2000`,
    ...patterns,
  );
  return rows.map((r) => Number(r.id));
}
