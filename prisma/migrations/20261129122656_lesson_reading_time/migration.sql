-- AlterTable
ALTER TABLE "CourseProgress" ADD COLUMN "lastReachAt" DATETIME;
