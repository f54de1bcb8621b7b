-- AlterTable
ALTER TABLE "PracticeSitting" ADD COLUMN "card" TEXT;
