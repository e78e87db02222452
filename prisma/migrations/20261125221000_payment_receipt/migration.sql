-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "receipt" TEXT;

