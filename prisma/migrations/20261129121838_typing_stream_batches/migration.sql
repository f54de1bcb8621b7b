-- CreateTable
CREATE TABLE "TypingBatch" (
    "attemptId" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "events" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("attemptId", "seq"),
    CONSTRAINT "TypingBatch_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
