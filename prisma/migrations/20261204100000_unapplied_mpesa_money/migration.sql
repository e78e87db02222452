-- M-Pesa money that arrived but paid for nothing (a late success, a wrong amount or phone, a
-- Paybill payment naming no pending payment) is kept on its provider report until someone
-- settles it by hand.
ALTER TABLE "webhook_events"
  ADD COLUMN "unapplied_reason" TEXT,
  ADD COLUMN "unapplied_amount_minor" BIGINT,
  ADD COLUMN "unapplied_currency" CHAR(3),
  ADD COLUMN "payment_id" UUID,
  ADD COLUMN "provider_receipt" TEXT,
  ADD COLUMN "resolved_at" TIMESTAMPTZ(3),
  ADD COLUMN "resolved_by_id" UUID,
  ADD COLUMN "resolution_note" TEXT;

ALTER TABLE "webhook_events"
  ADD CONSTRAINT "webhook_events_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "webhook_events_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  ADD CONSTRAINT "webhook_events_unapplied_amount_check" CHECK ("unapplied_reason" IS NULL OR ("unapplied_amount_minor" >= 0 AND "unapplied_currency" IS NOT NULL)),
  ADD CONSTRAINT "webhook_events_resolution_check" CHECK (("resolved_at" IS NULL) = ("resolution_note" IS NULL));

CREATE INDEX "webhook_events_unapplied_idx" ON "webhook_events" ("received_at") WHERE "unapplied_reason" IS NOT NULL AND "resolved_at" IS NULL;

CREATE INDEX "webhook_events_payment_id_idx" ON "webhook_events" ("payment_id");
