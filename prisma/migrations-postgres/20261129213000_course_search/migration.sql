-- Catalogue search on PostgreSQL (decision 051): the same substring semantics as SQLite's FTS5
-- trigram index. pg_trgm's GIN indexes serve ILIKE '%term%' for terms of three or more
-- characters; shorter ones (a two-character Chinese word) are scanned, as on SQLite.
-- Kept out of prisma/schema like the FTS5 table, so Prisma's diff never drops it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "course_search" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL DEFAULT ''
);

CREATE INDEX "course_search_title_trgm" ON "course_search" USING GIN ("title" gin_trgm_ops);
CREATE INDEX "course_search_summary_trgm" ON "course_search" USING GIN ("summary" gin_trgm_ops);
CREATE INDEX "course_search_body_trgm" ON "course_search" USING GIN ("body" gin_trgm_ops);
