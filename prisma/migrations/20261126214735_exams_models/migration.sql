-- CreateTable
CREATE TABLE "ExamContentVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExamAttempt" (
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
    CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_contentVersionId_fkey" FOREIGN KEY ("contentVersionId") REFERENCES "ExamContentVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamLog" (
    "attemptId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "body" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamLog_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamResult" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "exam" TEXT NOT NULL,
    "attemptId" INTEGER,
    "passed" BOOLEAN NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "score" REAL NOT NULL,
    "figures" TEXT NOT NULL,
    "misses" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExamResult_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DrillScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resultId" INTEGER NOT NULL,
    "trainerId" INTEGER NOT NULL,
    "scores" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "scenario" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DrillScore_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "ExamResult" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DrillScore_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ExamContentVersion_kind_key_contentHash_key" ON "ExamContentVersion"("kind", "key", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_tokenHash_key" ON "ExamAttempt"("tokenHash");

-- CreateIndex
CREATE INDEX "ExamAttempt_userId_exam_startedAt_idx" ON "ExamAttempt"("userId", "exam", "startedAt");

-- CreateIndex
CREATE INDEX "ExamAttempt_status_expiresAt_idx" ON "ExamAttempt"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "ExamEvent_attemptId_type_ref_idx" ON "ExamEvent"("attemptId", "type", "ref");

-- CreateIndex
CREATE UNIQUE INDEX "ExamEvent_attemptId_seq_key" ON "ExamEvent"("attemptId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ExamResult_attemptId_key" ON "ExamResult"("attemptId");

-- CreateIndex
CREATE INDEX "ExamResult_userId_exam_createdAt_idx" ON "ExamResult"("userId", "exam", "createdAt");

-- CreateIndex
CREATE INDEX "ExamResult_exam_createdAt_idx" ON "ExamResult"("exam", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DrillScore_resultId_key" ON "DrillScore"("resultId");

-- CreateIndex
CREATE INDEX "DrillScore_trainerId_createdAt_idx" ON "DrillScore"("trainerId", "createdAt");
