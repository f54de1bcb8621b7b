-- CreateTable
CREATE TABLE "TrainingRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requesterId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "courseId" INTEGER,
    "seriesId" INTEGER,
    "delivery" TEXT NOT NULL DEFAULT 'single',
    "slotKind" TEXT NOT NULL,
    "preferred" TEXT NOT NULL DEFAULT '[]',
    "need" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 2,
    "headcount" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'submitted',
    "version" INTEGER NOT NULL DEFAULT 1,
    "trainerId" INTEGER,
    "lastReason" TEXT NOT NULL DEFAULT '',
    "clientToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "TrainingRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TrainingRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TrainingRequest_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "TrainingRequest_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestAttendee" (
    "requestId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,

    PRIMARY KEY ("requestId", "userId"),
    CONSTRAINT "RequestAttendee_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TrainingRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestAttendee_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestTransition" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "requestId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" TEXT NOT NULL,
    "toState" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RequestTransition_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "TrainingRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RequestTransition_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL DEFAULT '',
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Room" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true
);

-- CreateIndex
CREATE UNIQUE INDEX "TrainingRequest_clientToken_key" ON "TrainingRequest"("clientToken");

-- CreateIndex
CREATE INDEX "TrainingRequest_state_priority_createdAt_idx" ON "TrainingRequest"("state", "priority", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_requesterId_createdAt_idx" ON "TrainingRequest"("requesterId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_teamId_createdAt_idx" ON "TrainingRequest"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingRequest_createdAt_idx" ON "TrainingRequest"("createdAt");

-- CreateIndex
CREATE INDEX "RequestAttendee_userId_idx" ON "RequestAttendee"("userId");

-- CreateIndex
CREATE INDEX "RequestTransition_requestId_id_idx" ON "RequestTransition"("requestId", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Room_name_key" ON "Room"("name");
