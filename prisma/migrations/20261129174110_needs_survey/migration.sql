-- CreateTable
CREATE TABLE "NeedsRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "year" INTEGER NOT NULL,
    "audience" TEXT NOT NULL,
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "openedById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NeedsTopic" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "competency" TEXT,
    "label" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT 'model',
    CONSTRAINT "NeedsTopic_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NeedsInvite" (
    "roundId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "audience" TEXT NOT NULL,
    "answered" BOOLEAN NOT NULL DEFAULT false,

    PRIMARY KEY ("roundId", "userId"),
    CONSTRAINT "NeedsInvite_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NeedsAnswer" (
    "roundId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "topicId" INTEGER NOT NULL,
    "teamId" INTEGER,
    "audience" TEXT NOT NULL,

    PRIMARY KEY ("roundId", "userId", "rank"),
    CONSTRAINT "NeedsAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "NeedsAnswer_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "NeedsTopic" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "NeedsProposal" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "teamId" INTEGER NOT NULL,
    "competency" TEXT NOT NULL,
    "proposedById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "roundId" INTEGER,
    CONSTRAINT "NeedsProposal_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "NeedsRound" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamAudience" (
    "teamId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "NeedsRound_closesAt_idx" ON "NeedsRound"("closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "NeedsTopic_roundId_position_key" ON "NeedsTopic"("roundId", "position");

-- CreateIndex
CREATE INDEX "NeedsInvite_userId_idx" ON "NeedsInvite"("userId");

-- CreateIndex
CREATE INDEX "NeedsAnswer_roundId_topicId_rank_idx" ON "NeedsAnswer"("roundId", "topicId", "rank");

-- CreateIndex
CREATE UNIQUE INDEX "NeedsAnswer_roundId_userId_topicId_key" ON "NeedsAnswer"("roundId", "userId", "topicId");

-- CreateIndex
CREATE INDEX "NeedsProposal_roundId_idx" ON "NeedsProposal"("roundId");
