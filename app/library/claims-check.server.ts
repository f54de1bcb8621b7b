// `content:check`'s half of the claim rule (decision 035): files claiming `accepted` whose exact
// content (by hash) has no acceptance in the configured database. Read-only and without the
// Prisma client, so checking a folder never creates or migrates a database.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { ContentProblem } from "~/content/problems";
import { sqliteFilePath } from "~/lib/db/migrations.server";
import { claimProblem } from "./claim-problem";

/**
 * Without a migrated database there is nothing to compare against,
 * and the check is left to the sync.
 */
export function claimsWithoutRecord(
  courses: readonly {
    path: string;
    hash: string;
    data: { slug: string; status: string };
    lineOf: (field: string) => number;
  }[],
  databaseUrl: string,
): ContentProblem[] {
  const claimed = courses.filter((c) => c.data.status === "accepted");
  if (!claimed.length) return [];
  const file = sqliteFilePath(databaseUrl);
  if (!file || !existsSync(file)) return [];
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = conn.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'CourseAcceptance'").get();
    if (!table) return [];
    const accepted = conn
      .prepare(
        `SELECT c.slug AS slug, v.contentHash AS hash FROM CourseAcceptance a
         JOIN CourseVersion v ON v.id = a.courseVersionId JOIN Course c ON c.id = a.courseId
         WHERE a.decision = 'accept' AND a.id IN (SELECT MAX(id) FROM CourseAcceptance GROUP BY courseVersionId)`,
      )
      .all() as { slug: string; hash: string }[];
    const ok = new Set(accepted.map((a) => `${a.slug}\n${a.hash}`));
    return claimed
      .filter((c) => !ok.has(`${c.data.slug}\n${c.hash}`))
      .map((c) => claimProblem(c.path, c.lineOf("status"), null));
  } finally {
    conn.close();
  }
}
