-- CreateTable
CREATE TABLE "ShiftCode" (
    "code" TEXT NOT NULL PRIMARY KEY,
    "startMin" INTEGER NOT NULL DEFAULT 0,
    "endMin" INTEGER NOT NULL DEFAULT 0,
    "rest" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "RosterEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "code" TEXT NOT NULL DEFAULT '',
    "startMin" INTEGER NOT NULL DEFAULT 0,
    "endMin" INTEGER NOT NULL DEFAULT 0,
    "rest" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "RosterEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClassSlotRule" (
    "teamId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "weekdays" TEXT NOT NULL DEFAULT '1,2,3,4,5',
    "morningCode" TEXT NOT NULL DEFAULT '',
    "beforeShift" BOOLEAN NOT NULL DEFAULT false,
    "afterShift" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ClassSlotRule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RosterEntry_userId_day_idx" ON "RosterEntry"("userId", "day");

-- CreateIndex
CREATE INDEX "RosterEntry_day_idx" ON "RosterEntry"("day");

-- The centre's usual shifts; HR edits them on /roster.
INSERT INTO "ShiftCode" ("code", "startMin", "endMin", "rest", "updatedAt") VALUES
    ('早班', 480, 1020, false, CURRENT_TIMESTAMP),
    ('中班', 720, 1260, false, CURRENT_TIMESTAMP),
    ('晚班', 900, 1440, false, CURRENT_TIMESTAMP),
    ('休', 0, 0, true, CURRENT_TIMESTAMP);
