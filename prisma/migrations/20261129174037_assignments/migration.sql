-- CreateTable
CREATE TABLE "Assignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "dueDay" TEXT NOT NULL,
    "refreshMonths" INTEGER,
    "teamId" INTEGER,
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnAt" DATETIME,
    "withdrawnById" INTEGER
);

-- CreateTable
CREATE TABLE "AssignmentMember" (
    "assignmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    PRIMARY KEY ("assignmentId", "userId"),
    CONSTRAINT "AssignmentMember_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssignmentReminder" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "assignmentId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "cycle" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AssignmentReminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Assignment_withdrawnAt_createdAt_idx" ON "Assignment"("withdrawnAt", "createdAt");

-- CreateIndex
CREATE INDEX "Assignment_courseId_idx" ON "Assignment"("courseId");

-- CreateIndex
CREATE INDEX "Assignment_seriesId_idx" ON "Assignment"("seriesId");

-- CreateIndex
CREATE INDEX "AssignmentMember_userId_idx" ON "AssignmentMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AssignmentReminder_assignmentId_userId_kind_cycle_key" ON "AssignmentReminder"("assignmentId", "userId", "kind", "cycle");
