-- CreateTable
CREATE TABLE "CourseAcceptance" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "projectId" INTEGER,
    "fastTrack" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CourseAcceptance_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CourseAcceptance_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CourseAcceptance_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LibraryEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "courseId" INTEGER NOT NULL,
    "courseVersionId" INTEGER NOT NULL,
    "acceptanceId" INTEGER NOT NULL,
    "enteredById" INTEGER,
    "reason" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LibraryEntry_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LibraryEntry_courseVersionId_fkey" FOREIGN KEY ("courseVersionId") REFERENCES "CourseVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LibraryEntry_acceptanceId_fkey" FOREIGN KEY ("acceptanceId") REFERENCES "CourseAcceptance" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LibraryEntry_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Course" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "slug" TEXT NOT NULL,
    "seriesId" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "summaryZh" TEXT NOT NULL DEFAULT '',
    "summaryEn" TEXT NOT NULL DEFAULT '',
    "area" TEXT NOT NULL,
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "durationMinutes" INTEGER NOT NULL DEFAULT 60,
    "grade" TEXT NOT NULL DEFAULT 'junior',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "trainers" TEXT NOT NULL DEFAULT '[]',
    "sourcePath" TEXT NOT NULL DEFAULT '',
    "currentVersionId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "liveVersionId" INTEGER,
    CONSTRAINT "Course_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "Series" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Course_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "CourseVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Course_liveVersionId_fkey" FOREIGN KEY ("liveVersionId") REFERENCES "CourseVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Course" ("area", "competencies", "createdAt", "currentVersionId", "durationMinutes", "grade", "id", "position", "seriesId", "slug", "sourcePath", "status", "summaryEn", "summaryZh", "titleEn", "titleZh", "trainers", "updatedAt") SELECT "area", "competencies", "createdAt", "currentVersionId", "durationMinutes", "grade", "id", "position", "seriesId", "slug", "sourcePath", "status", "summaryEn", "summaryZh", "titleEn", "titleZh", "trainers", "updatedAt" FROM "Course";
DROP TABLE "Course";
ALTER TABLE "new_Course" RENAME TO "Course";
CREATE UNIQUE INDEX "Course_slug_key" ON "Course"("slug");
CREATE UNIQUE INDEX "Course_currentVersionId_key" ON "Course"("currentVersionId");
CREATE UNIQUE INDEX "Course_liveVersionId_key" ON "Course"("liveVersionId");
CREATE INDEX "Course_seriesId_position_idx" ON "Course"("seriesId", "position");
CREATE INDEX "Course_status_idx" ON "Course"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CourseAcceptance_courseVersionId_decision_idx" ON "CourseAcceptance"("courseVersionId", "decision");

-- CreateIndex
CREATE INDEX "CourseAcceptance_courseId_createdAt_idx" ON "CourseAcceptance"("courseId", "createdAt");

-- CreateIndex
CREATE INDEX "LibraryEntry_courseId_createdAt_idx" ON "LibraryEntry"("courseId", "createdAt");

-- Courses that were live before publication became a recorded act stay live: each accepted
-- course's current version gets an acceptance and a library entry made by the upgrade itself.
INSERT INTO "CourseAcceptance" ("courseId", "courseVersionId", "decision", "reason")
SELECT "id", "currentVersionId", 'accept', 'entered by the upgrade' FROM "Course"
WHERE "status" = 'accepted' AND "currentVersionId" IS NOT NULL;
INSERT INTO "LibraryEntry" ("courseId", "courseVersionId", "acceptanceId", "reason")
SELECT "courseId", "courseVersionId", "id", 'entered by the upgrade' FROM "CourseAcceptance";
UPDATE "Course" SET "liveVersionId" = "currentVersionId" WHERE "status" = 'accepted' AND "currentVersionId" IS NOT NULL;
