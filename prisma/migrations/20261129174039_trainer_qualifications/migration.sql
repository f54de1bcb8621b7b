-- CreateTable
CREATE TABLE "TrainerQualification" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trainerId" INTEGER NOT NULL,
    "courseId" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "grantedById" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "grantedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "projectId" INTEGER,
    "score" REAL,
    "withdrawnAt" DATETIME,
    "withdrawnById" INTEGER,
    "withdrawReason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "TrainerQualification_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TrainerQualification_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TrainerCertificate" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "trainerId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "issuedOn" TEXT NOT NULL,
    "validUntil" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrainerCertificate_trainerId_fkey" FOREIGN KEY ("trainerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TrainerQualification_trainerId_courseId_idx" ON "TrainerQualification"("trainerId", "courseId");

-- CreateIndex
CREATE INDEX "TrainerQualification_courseId_withdrawnAt_idx" ON "TrainerQualification"("courseId", "withdrawnAt");

-- CreateIndex
CREATE INDEX "TrainerCertificate_trainerId_idx" ON "TrainerCertificate"("trainerId");
