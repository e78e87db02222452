-- CreateTable
CREATE TABLE "metric_cache" (
    "key" TEXT NOT NULL,
    "partner_id" UUID,
    "value" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metric_cache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "metric_cache_partner_id_idx" ON "metric_cache"("partner_id");

-- CreateIndex
CREATE INDEX "metric_cache_expires_at_idx" ON "metric_cache"("expires_at");

