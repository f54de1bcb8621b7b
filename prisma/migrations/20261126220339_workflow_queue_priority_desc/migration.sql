-- DropIndex
DROP INDEX "TrainingRequest_priority_createdAt_idx";

-- CreateIndex
CREATE INDEX "TrainingRequest_priority_createdAt_idx" ON "TrainingRequest"("priority" DESC, "createdAt");
