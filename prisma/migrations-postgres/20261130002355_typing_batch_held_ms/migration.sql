-- AlterTable
ALTER TABLE "TypingBatch" ADD COLUMN     "heldMs" INTEGER NOT NULL DEFAULT 0;
