-- CreateTable
CREATE TABLE "CourseProgress" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "sectionsReached" TEXT NOT NULL DEFAULT '[]',
    "sectionsTotal" INTEGER NOT NULL DEFAULT 0,
    "lastSection" TEXT NOT NULL DEFAULT '',
    "percent" INTEGER NOT NULL DEFAULT 0,
    "secondsSpent" INTEGER NOT NULL DEFAULT 0,
    "lastHeartbeatAt" DATETIME,
    "quizBestScore" INTEGER,
    "quizPassed" BOOLEAN NOT NULL DEFAULT false,
    "attendedAt" DATETIME,
    "completedAt" DATETIME,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CourseProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CourseProgress_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CourseProgress_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "progressId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "correct" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_progressId_fkey" FOREIGN KEY ("progressId") REFERENCES "CourseProgress" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContentProblem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "path" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "CourseProgress_userId_updatedAt_idx" ON "CourseProgress"("userId", "updatedAt");

-- CreateIndex
CREATE INDEX "CourseProgress_courseId_idx" ON "CourseProgress"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "CourseProgress_userId_courseVersionId_key" ON "CourseProgress"("userId", "courseVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_progressId_token_key" ON "QuizAttempt"("progressId", "token");

-- CreateIndex
CREATE INDEX "ContentProblem_path_idx" ON "ContentProblem"("path");
