// The full-text index over each course's current version (rowid = Course.id).
//
// It is an FTS5 virtual table created here rather than in a migration: Prisma's schema diff
// does not know virtual tables and would emit DROP TABLE for it (and its shadow tables) in
// every migration created afterwards. The trigram tokenizer matches any run of three
// characters, which serves Chinese without a word segmenter; shorter queries use LIKE.
import { db, type Tx } from "~/lib/db.server";

let ensured: Promise<void> | null = null;

export function ensureSearchIndex(): Promise<void> {
  ensured ??= db
    .$executeRawUnsafe(`CREATE VIRTUAL TABLE IF NOT EXISTS course_search USING fts5(title, summary, body, tokenize = 'trigram')`)
    .then(() => undefined)
    .catch((e) => {
      ensured = null;
      throw e;
    });
  return ensured;
}

export async function indexCourse(tx: Tx, courseId: number, doc: { title: string; summary: string; body: string }) {
  await tx.$executeRaw`DELETE FROM course_search WHERE rowid = ${courseId}`;
  await tx.$executeRaw`INSERT INTO course_search (rowid, title, summary, body) VALUES (${courseId}, ${doc.title}, ${doc.summary}, ${doc.body})`;
}
