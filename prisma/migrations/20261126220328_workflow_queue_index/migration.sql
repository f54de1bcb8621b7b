-- CreateIndex
CREATE INDEX "TrainingRequest_priority_createdAt_idx" ON "TrainingRequest"("priority", "createdAt");
