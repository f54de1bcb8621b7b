-- CreateTable
CREATE TABLE "SelfAssessment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "scores" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SelfAssessment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SelfAssessment_userId_createdAt_idx" ON "SelfAssessment"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SelfAssessment_userId_period_key" ON "SelfAssessment"("userId", "period");
