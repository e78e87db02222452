-- CreateTable
CREATE TABLE "metric_generations" (
    "partner_id" UUID NOT NULL,
    "generation" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "metric_generations_pkey" PRIMARY KEY ("partner_id")
);

