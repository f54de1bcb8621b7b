-- The centre's usual shifts, as the SQLite roster migration inserts them; HR edits them on
-- /roster. The PostgreSQL history began with one schema-only init migration, which left them out.
INSERT INTO "ShiftCode" ("code", "startMin", "endMin", "rest", "updatedAt") VALUES
    ('早班', 480, 1020, false, CURRENT_TIMESTAMP),
    ('中班', 720, 1260, false, CURRENT_TIMESTAMP),
    ('晚班', 900, 1440, false, CURRENT_TIMESTAMP),
    ('休', 0, 0, true, CURRENT_TIMESTAMP)
ON CONFLICT ("code") DO NOTHING;
