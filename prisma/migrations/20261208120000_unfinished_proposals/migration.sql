-- Proposals being composed that cannot be drafts yet, kept for their sender.
-- CreateTable
CREATE TABLE "unfinished_proposals" (
    "id" UUID NOT NULL,
    "sender_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "fields" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "unfinished_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unfinished_proposals_sender_id_updated_at_idx" ON "unfinished_proposals"("sender_id", "updated_at");

-- CreateIndex
CREATE INDEX "unfinished_proposals_author_id_idx" ON "unfinished_proposals"("author_id");

-- AddForeignKey
ALTER TABLE "unfinished_proposals" ADD CONSTRAINT "unfinished_proposals_sender_id_fkey" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unfinished_proposals" ADD CONSTRAINT "unfinished_proposals_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

