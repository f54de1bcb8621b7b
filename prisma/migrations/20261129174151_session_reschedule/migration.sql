-- Moves and cancellation of a training session (decision 040). Plain ADD COLUMN rather than a
-- table rebuild, so columns other migrations add to TrainingSession are left alone.
ALTER TABLE "TrainingSession" ADD COLUMN "sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "TrainingSession" ADD COLUMN "cancelReason" TEXT NOT NULL DEFAULT '';
ALTER TABLE "TrainingSession" ADD COLUMN "cancelledAt" DATETIME;
