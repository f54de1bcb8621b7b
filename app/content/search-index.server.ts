// The full-text index over each course's current version (rowid = Course.id).
//
// It is an FTS5 virtual table created here rather than in a migration: Prisma's schema diff
// does not know virtual tables and would emit DROP TABLE for it (and its shadow tables) in
// every migration created afterwards. The trigram tokenizer matches any run of three
// characters, which serves Chinese without a word segmenter; shorter queries use LIKE.
import { onPostgres } from "~/lib/db/sql.server";
import { db, type Tx } from "~/lib/db.server";

let ensured: Promise<void> | null = null;

export function ensureSearchIndex(): Promise<void> {
  // On PostgreSQL the index is a plain table with pg_trgm indexes, made by a migration.
  if (onPostgres()) return Promise.resolve();
  ensured ??= db
    .$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS course_search USING fts5(title, summary, body, tokenize = 'trigram')`)
    .then(() => undefined)
    .catch((e) => {
      ensured = null;
      throw e;
    });
  return ensured;
}

// Markdown emphasis and table marks would split words ("**退款**流程"); SQLite strips them here,
// which indexes a batch far faster than passing every body through the driver again.
const PLAIN_BODY = `replace(replace(replace(replace(replace(v.body, '**', ''), '\`', ''), '#', ''), '|', ' '), '> ', '')`;

/** (Re)indexes the current version of the given courses, inside the sync's transaction. */
export async function indexCourses(tx: Tx, courseIds: number[]) {
  if (!courseIds.length) return;
  const list = courseIds.map(Number).join(",");
  if (onPostgres()) return indexCoursesPostgres(tx, list);
  await tx.$executeRawUnsafe(`DELETE FROM course_search WHERE rowid IN (${list})`);
  await tx.$executeRawUnsafe(
    `INSERT INTO course_search (rowid, title, summary, body)
     SELECT c.id, c.titleZh || ' ' || c.titleEn, c.summaryZh || ' ' || c.summaryEn, ${PLAIN_BODY}
     FROM Course c JOIN CourseVersion v ON v.id = c.currentVersionId WHERE c.id IN (${list})`,
  );
}

// FTS5 gathers new index entries in memory and writes them out as a segment whenever they pass
// `hashsize` (1 MB by default). A thousand lessons of trigrams made dozens of small segments,
// merged again and again; 8 MB more than halved the index's CPU time (decision 056). Only for
// the bulk: the running server keeps the small default.
const BULK_HASH_BYTES = 8 * 1024 * 1024;
const DEFAULT_HASH_BYTES = 1024 * 1024;

/**
 * Runs a large batch of index writes with FTS5's automatic segment merging paused, which more
 * than halves a cold sync of a thousand lessons; merging resumes afterwards.
 */
export async function withBulkIndexing<T>(fn: () => Promise<T>): Promise<T> {
  if (onPostgres()) return fn();
  await db.$executeRawUnsafe(`INSERT INTO course_search (course_search, rank) VALUES ('automerge', 0)`);
  await db.$executeRawUnsafe(`INSERT INTO course_search (course_search, rank) VALUES ('hashsize', ${BULK_HASH_BYTES})`);
  try {
    return await fn();
  } finally {
    await db.$executeRawUnsafe(`INSERT INTO course_search (course_search, rank) VALUES ('hashsize', ${DEFAULT_HASH_BYTES})`);
    await db.$executeRawUnsafe(`INSERT INTO course_search (course_search, rank) VALUES ('automerge', 4)`);
    await db.$executeRawUnsafe(`INSERT INTO course_search (course_search, rank) VALUES ('merge', 64)`);
  }
}

async function indexCoursesPostgres(tx: Tx, list: string) {
  await tx.$executeRawUnsafe(`DELETE FROM "course_search" WHERE id IN (${list})`);
  await tx.$executeRawUnsafe(
    `INSERT INTO "course_search" (id, title, summary, body)
     SELECT c.id, c."titleZh" || ' ' || c."titleEn", c."summaryZh" || ' ' || c."summaryEn", ${PLAIN_BODY}
     FROM "Course" c JOIN "CourseVersion" v ON v.id = c."currentVersionId" WHERE c.id IN (${list})`,
  );
}
