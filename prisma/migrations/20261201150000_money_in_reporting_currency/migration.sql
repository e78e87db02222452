-- Money keeps its currency; totals are stated in the partner's reporting currency, each
-- payment converted at the rate recorded when it settled.
ALTER TABLE "organizations" ADD COLUMN "reporting_currency" CHAR(3) NOT NULL DEFAULT 'KES';

ALTER TABLE "payments" ADD COLUMN "exchange_rate" DECIMAL(20,10),
ADD COLUMN "rate_source" TEXT,
ADD COLUMN "reporting_amount_minor" BIGINT,
ADD COLUMN "reporting_currency" CHAR(3);

ALTER TABLE "disbursements" ADD COLUMN "reporting_amount_minor" BIGINT,
ADD COLUMN "reporting_currency" CHAR(3);

-- Settled payments already in the partner's reporting currency convert at 1; others stay unconverted (no rate was recorded).
UPDATE "payments" p SET "exchange_rate" = 1, "rate_source" = 'same_currency', "reporting_amount_minor" = p."amount_minor", "reporting_currency" = o."reporting_currency"
  FROM "organizations" o WHERE o."id" = p."partner_id" AND p."status" = 'completed' AND p."currency" = o."reporting_currency";
UPDATE "disbursements" d SET "reporting_amount_minor" = d."amount_minor", "reporting_currency" = o."reporting_currency"
  FROM "sponsorships" s JOIN "organizations" o ON o."id" = s."partner_id"
 WHERE s."id" = d."sponsorship_id" AND d."currency" = o."reporting_currency";
