-- Which party each deliverable comment was written for.
-- AlterTable
ALTER TABLE "deliverable_comments" ADD COLUMN     "author_side" TEXT NOT NULL;

