-- CreateTable
CREATE TABLE "Survey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "kind" TEXT NOT NULL DEFAULT 'micro',
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "area" TEXT NOT NULL DEFAULT '',
    "trainerId" INTEGER NOT NULL,
    "heldOn" DATETIME NOT NULL,
    "opensAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closesAt" DATETIME NOT NULL,
    "questions" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "Survey_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyInvite" (
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER,

    PRIMARY KEY ("surveyId", "userId"),
    CONSTRAINT "SurveyInvite_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyReceipt" (
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    PRIMARY KEY ("surveyId", "userId"),
    CONSTRAINT "SurveyReceipt_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "surveyId" INTEGER NOT NULL,
    "userId" INTEGER,
    "teamId" INTEGER,
    "overall" INTEGER NOT NULL,
    "relevance" INTEGER NOT NULL,
    "helpful" INTEGER NOT NULL,
    "delivery" INTEGER NOT NULL,
    "pace" INTEGER NOT NULL,
    "recommend" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "extra" TEXT NOT NULL DEFAULT '{}',
    "submittedAt" DATETIME,
    "updatedAt" DATETIME,
    CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TrainingSession" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "trainerId" INTEGER NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "room" TEXT NOT NULL DEFAULT '',
    "onlineLink" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "notes" TEXT NOT NULL DEFAULT '',
    "deliveredAt" DATETIME,
    "requestId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'micro',
    "title" TEXT NOT NULL DEFAULT '',
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "TrainingSession_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TrainingSession_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TrainingSession" ("courseId", "createdAt", "deliveredAt", "endsAt", "id", "notes", "onlineLink", "requestId", "room", "seriesId", "startsAt", "status", "trainerId") SELECT "courseId", "createdAt", "deliveredAt", "endsAt", "id", "notes", "onlineLink", "requestId", "room", "seriesId", "startsAt", "status", "trainerId" FROM "TrainingSession";
DROP TABLE "TrainingSession";
ALTER TABLE "new_TrainingSession" RENAME TO "TrainingSession";
CREATE INDEX "TrainingSession_trainerId_startsAt_idx" ON "TrainingSession"("trainerId", "startsAt");
CREATE INDEX "TrainingSession_startsAt_idx" ON "TrainingSession"("startsAt");
CREATE INDEX "TrainingSession_courseId_idx" ON "TrainingSession"("courseId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Survey_sessionId_key" ON "Survey"("sessionId");

-- CreateIndex
CREATE INDEX "Survey_heldOn_idx" ON "Survey"("heldOn");

-- CreateIndex
CREATE INDEX "Survey_trainerId_heldOn_idx" ON "Survey"("trainerId", "heldOn");

-- CreateIndex
CREATE INDEX "Survey_courseId_idx" ON "Survey"("courseId");

-- CreateIndex
CREATE INDEX "SurveyInvite_userId_idx" ON "SurveyInvite"("userId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_teamId_idx" ON "SurveyResponse"("surveyId", "teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_userId_key" ON "SurveyResponse"("surveyId", "userId");
