// `content:check`'s half of the claim rule (decision 035): files claiming `accepted` whose exact
// content (by hash) has no acceptance in the configured database. Read-only and without the
// Prisma client, so checking a folder never creates or migrates a database (a SQLite file, or a
// PostgreSQL database read through the pg driver in a read-only session).
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { ContentProblem } from "~/content/problems";
import { engineOf } from "~/lib/db/engine";
import { connectPostgres } from "~/lib/db/migrations-postgres.server";
import { sqliteFilePath } from "~/lib/db/migrations.server";
import { claimProblem } from "./claim-problem";

const LATEST_ACCEPTED = `SELECT c."slug" AS "slug", v."contentHash" AS "hash" FROM "CourseAcceptance" a
  JOIN "CourseVersion" v ON v."id" = a."courseVersionId" JOIN "Course" c ON c."id" = a."courseId"
  WHERE a."decision" = 'accept' AND a."id" IN (SELECT MAX("id") FROM "CourseAcceptance" GROUP BY "courseVersionId")`;

/** "slug\nhash" of every accepted version, or null when the database holds none to compare against. */
async function acceptedVersions(databaseUrl: string): Promise<Set<string> | null> {
  const key = (rows: { slug: string; hash: string }[]) => new Set(rows.map((a) => `${a.slug}\n${a.hash}`));
  if (engineOf(databaseUrl) === "postgres") {
    // An unreachable or unmigrated server is like a missing file: the sync checks later.
    const client = await connectPostgres(databaseUrl).catch(() => null);
    if (!client) return null;
    try {
      await client.query("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
      const table = await client.query(`SELECT to_regclass('"CourseAcceptance"') AS t`);
      if (!table.rows[0]?.t) return null;
      return key((await client.query<{ slug: string; hash: string }>(LATEST_ACCEPTED)).rows);
    } finally {
      await client.end().catch(() => {});
    }
  }
  const file = sqliteFilePath(databaseUrl);
  if (!file || !existsSync(file)) return null;
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'CourseAcceptance'").get();
    if (!table) return null;
    return key(conn.prepare(LATEST_ACCEPTED).all() as { slug: string; hash: string }[]);
  } finally {
    conn.close();
  }
}

/**
 * Without a migrated database there is nothing to compare against,
 * and the check is left to the sync.
 */
export async function claimsWithoutRecord(
  courses: readonly {
    path: string;
    hash: string;
    data: { slug: string; status: string };
    lineOf: (field: string) => number;
  }[],
  databaseUrl: string,
): Promise<ContentProblem[]> {
  const claimed = courses.filter((c) => c.data.status === "accepted");
  if (!claimed.length) return [];
  const ok = await acceptedVersions(databaseUrl);
  if (!ok) return [];
  return claimed
    .filter((c) => !ok.has(`${c.data.slug}\n${c.hash}`))
    .map((c) => claimProblem(c.path, c.lineOf("status"), null));
}
