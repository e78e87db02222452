-- AlterTable
ALTER TABLE "activity_logs" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

