-- CreateTable
CREATE TABLE "PracticeSitting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trainerId" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "scenario" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PracticeSitting_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PracticeAttendee" (
    "sittingId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    PRIMARY KEY ("sittingId", "userId"),
    CONSTRAINT "PracticeAttendee_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "PracticeSitting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PracticeAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamAttemptGrant" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "exam" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" DATETIME,
    CONSTRAINT "ExamAttemptGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExamAttemptGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DrillScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resultId" INTEGER NOT NULL,
    "trainerId" INTEGER NOT NULL,
    "scores" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "scenario" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sittingId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "supersedesId" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "DrillScore_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ExamResult" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrillScore_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrillScore_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "PracticeSitting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "DrillScore_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "DrillScore" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_DrillScore" ("createdAt", "id", "notes", "resultId", "scenario", "scores", "trainerId") SELECT "createdAt", "id", "notes", "resultId", "scenario", "scores", "trainerId" FROM "DrillScore";
DROP TABLE "DrillScore";
ALTER TABLE "new_DrillScore" RENAME TO "DrillScore";
CREATE UNIQUE INDEX "DrillScore_resultId_key" ON "DrillScore"("resultId");
CREATE UNIQUE INDEX "DrillScore_supersedesId_key" ON "DrillScore"("supersedesId");
CREATE INDEX "DrillScore_trainerId_createdAt_idx" ON "DrillScore"("trainerId", "createdAt");
CREATE INDEX "DrillScore_sittingId_idx" ON "DrillScore"("sittingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PracticeSitting_trainerId_day_idx" ON "PracticeSitting"("trainerId", "day");

-- CreateIndex
CREATE INDEX "PracticeAttendee_userId_idx" ON "PracticeAttendee"("userId");

-- CreateIndex
CREATE INDEX "ExamAttemptGrant_userId_exam_usedAt_idx" ON "ExamAttemptGrant"("userId", "exam", "usedAt");
