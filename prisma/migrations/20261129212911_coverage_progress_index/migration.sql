-- CreateIndex
CREATE INDEX "CourseProgress_userId_courseId_completedAt_idx" ON "CourseProgress"("userId", "courseId", "completedAt");
