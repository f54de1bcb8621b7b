-- The centre's usual shifts; HR edits them on /roster. The SQLite history writes them in its
-- roster migration; the PostgreSQL history began with a schema-only init, so they come here.
-- A database that already has some of these codes (entered by hand) keeps its own.
INSERT INTO "ShiftCode" ("code", "startMin", "endMin", "rest", "updatedAt") VALUES
    ('早班', 480, 1020, false, CURRENT_TIMESTAMP),
    ('中班', 720, 1260, false, CURRENT_TIMESTAMP),
    ('晚班', 900, 1440, false, CURRENT_TIMESTAMP),
    ('休', 0, 0, true, CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;
