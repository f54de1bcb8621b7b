-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "objectId" INTEGER;
ALTER TABLE "AuditLog" ADD COLUMN "objectKind" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_objectKind_objectId_idx" ON "AuditLog"("objectKind", "objectId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");
