-- CreateTable
CREATE TABLE "ExamSitting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "exam" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "opensAt" DATETIME NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "network" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamSitting_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamSittingMember" (
    "sittingId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "ip" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("sittingId", "userId"),
    CONSTRAINT "ExamSittingMember_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "ExamSitting" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamSittingMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ExamAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "exam" TEXT NOT NULL,
    "contentVersionId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "setup" TEXT NOT NULL DEFAULT '{}',
    "invalidReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "sittingId" INTEGER,
    "voidedAt" DATETIME,
    "voidReason" TEXT,
    "voidedById" INTEGER,
    CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_contentVersionId_fkey" FOREIGN KEY ("contentVersionId") REFERENCES "ExamContentVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_sittingId_fkey" FOREIGN KEY ("sittingId") REFERENCES "ExamSitting" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_voidedById_fkey" FOREIGN KEY ("voidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ExamAttempt" ("closedAt", "contentVersionId", "deadlineAt", "exam", "expiresAt", "id", "invalidReason", "setup", "startedAt", "status", "tokenHash", "userId", "version") SELECT "closedAt", "contentVersionId", "deadlineAt", "exam", "expiresAt", "id", "invalidReason", "setup", "startedAt", "status", "tokenHash", "userId", "version" FROM "ExamAttempt";
DROP TABLE "ExamAttempt";
ALTER TABLE "new_ExamAttempt" RENAME TO "ExamAttempt";
CREATE UNIQUE INDEX "ExamAttempt_tokenHash_key" ON "ExamAttempt"("tokenHash");
CREATE INDEX "ExamAttempt_userId_exam_startedAt_idx" ON "ExamAttempt"("userId", "exam", "startedAt");
CREATE INDEX "ExamAttempt_status_expiresAt_idx" ON "ExamAttempt"("status", "expiresAt");
CREATE INDEX "ExamAttempt_sittingId_idx" ON "ExamAttempt"("sittingId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ExamSitting_code_key" ON "ExamSitting"("code");

-- CreateIndex
CREATE INDEX "ExamSitting_closesAt_idx" ON "ExamSitting"("closesAt");

-- CreateIndex
CREATE INDEX "ExamSittingMember_userId_idx" ON "ExamSittingMember"("userId");
