-- AlterTable
ALTER TABLE "TrainingSession" ADD COLUMN "trialProjectId" INTEGER;
ALTER TABLE "TrainingSession" ADD COLUMN "trialVersionId" INTEGER;

-- CreateTable
CREATE TABLE "TrialScore" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sessionId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "judgeId" INTEGER NOT NULL,
    "accuracy" INTEGER NOT NULL,
    "structure" INTEGER NOT NULL,
    "timing" INTEGER NOT NULL,
    "exercises" INTEGER NOT NULL,
    "delivery" INTEGER NOT NULL,
    "phrasing" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrialScore_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TrialScore_judgeId_fkey" FOREIGN KEY ("judgeId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TrialScore_projectId_idx" ON "TrialScore"("projectId");

-- CreateIndex
CREATE INDEX "TrialScore_judgeId_idx" ON "TrialScore"("judgeId");

-- CreateIndex
CREATE UNIQUE INDEX "TrialScore_sessionId_judgeId_key" ON "TrialScore"("sessionId", "judgeId");

-- CreateIndex
CREATE INDEX "TrainingSession_trialProjectId_idx" ON "TrainingSession"("trialProjectId");
