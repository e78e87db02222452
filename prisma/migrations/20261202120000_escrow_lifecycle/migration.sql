-- The rest of the escrow lifecycle: a structured payment plan, contracts that carry their
-- evidence, termination, disputes, review deadlines and payouts to creators.

-- What makes a payment due: the contract's activation, the approval of the deliverables it
-- names, or the approval of every deliverable.
CREATE TYPE "PaymentTrigger" AS ENUM ('on_signing', 'on_approval', 'on_completion');

-- The payment plan read from the schedule text, item by item (lib/partnerships/payment-plan.ts).
ALTER TABLE "proposals" ADD COLUMN "payment_plan" JSONB;
ALTER TABLE "partnerships" ADD COLUMN "payment_plan" JSONB;
ALTER TABLE "partnerships" ADD COLUMN "terminated_at" TIMESTAMPTZ(3);
ALTER TABLE "partnerships" ADD COLUMN "termination_reason" TEXT;
ALTER TABLE "partnerships" ADD COLUMN "terminated_by" UUID;
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_terminated_by_fkey" FOREIGN KEY ("terminated_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "partnership_payments" ADD COLUMN "trigger" "PaymentTrigger";
-- The share of the compensation the plan gave this payment, when it was given as a percentage.
ALTER TABLE "partnership_payments" ADD COLUMN "percent" DECIMAL(5, 2);
ALTER TABLE "partnership_payments" ADD COLUMN "position" INTEGER;
-- Of amount_minor, what went back to the brand (the rest, if released, went to the creator).
ALTER TABLE "partnership_payments" ADD COLUMN "refunded_minor" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "partnership_payments" ADD COLUMN "provider_refund" TEXT;
ALTER TABLE "partnership_payments" ADD COLUMN "cancelled_at" TIMESTAMPTZ(3);
ALTER TABLE "partnership_payments" ADD COLUMN "refunded_at" TIMESTAMPTZ(3);
ALTER TABLE "partnership_payments" ADD CONSTRAINT "partnership_payments_amount_positive" CHECK ("amount_minor" > 0);
ALTER TABLE "partnership_payments" ADD CONSTRAINT "partnership_payments_refund_bounded" CHECK ("refunded_minor" >= 0 AND "refunded_minor" <= "amount_minor");
CREATE UNIQUE INDEX "partnership_payments_provider_refund_key" ON "partnership_payments"("provider_refund");
UPDATE "partnership_payments" SET "trigger" = CASE "type" WHEN 'initial' THEN 'on_signing'::"PaymentTrigger" WHEN 'milestone' THEN 'on_approval'::"PaymentTrigger" ELSE 'on_completion'::"PaymentTrigger" END;

-- Contracts: a review window for submissions, the document as sent and as signed.
ALTER TABLE "contracts" ALTER COLUMN "status" SET DEFAULT 'draft';
ALTER TABLE "contracts" ADD COLUMN "review_window_days" INTEGER NOT NULL DEFAULT 5;
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_review_window_days_range" CHECK ("review_window_days" BETWEEN 1 AND 60);
ALTER TABLE "contracts" ADD COLUMN "sent_at" TIMESTAMPTZ(3);
ALTER TABLE "contracts" ADD COLUMN "activated_at" TIMESTAMPTZ(3);
ALTER TABLE "contracts" ADD COLUMN "terminated_at" TIMESTAMPTZ(3);
ALTER TABLE "contracts" ADD COLUMN "signed_document" BYTEA;
ALTER TABLE "contracts" ADD COLUMN "signed_document_sha256" CHAR(64);
UPDATE "contracts" SET "sent_at" = "created_at" WHERE "status" <> 'draft';
CREATE INDEX "contracts_document_sha256_idx" ON "contracts"("document_sha256");
CREATE UNIQUE INDEX "contracts_signed_document_sha256_key" ON "contracts"("signed_document_sha256");

-- A party's decision on the contract: signed (with the typed name and consent) or rejected.
-- One per party and contract, so neither can sign after rejecting, nor sign twice.
CREATE TYPE "ContractDecision" AS ENUM ('signed', 'rejected');
ALTER TABLE "contract_signatures" ADD COLUMN "decision" "ContractDecision" NOT NULL DEFAULT 'signed';
ALTER TABLE "contract_signatures" ADD COLUMN "full_name" TEXT;
ALTER TABLE "contract_signatures" ADD COLUMN "consent_text" TEXT;
ALTER TABLE "contract_signatures" ADD COLUMN "reason" TEXT;

-- Review deadlines: when a submission is approved if the brand has not reviewed it, and
-- when that clock stopped for a dispute.
ALTER TABLE "deliverables" ADD COLUMN "review_deadline_at" TIMESTAMPTZ(3);
ALTER TABLE "deliverables" ADD COLUMN "review_paused_at" TIMESTAMPTZ(3);
ALTER TABLE "deliverables" ADD COLUMN "auto_approved" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "deliverables_review_deadline_idx" ON "deliverables"("review_deadline_at") WHERE "status" = 'submitted';

-- Disputes on a deliverable or a payment.
CREATE TYPE "DisputeStatus" AS ENUM ('open', 'resolved');
CREATE TYPE "DisputeOutcome" AS ENUM ('release', 'split', 'refund');
CREATE TABLE "disputes" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "partnership_id" UUID NOT NULL,
    "deliverable_id" UUID,
    "payment_id" UUID,
    "opened_by" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence_urls" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "status" "DisputeStatus" NOT NULL DEFAULT 'open',
    "outcome" "DisputeOutcome",
    "creator_amount_minor" BIGINT,
    "refund_amount_minor" BIGINT,
    "resolution_note" TEXT,
    "resolved_by" UUID,
    "resolved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "disputes_subject" CHECK (("deliverable_id" IS NULL) <> ("payment_id" IS NULL)),
    CONSTRAINT "disputes_resolution" CHECK (("status" = 'open') = ("outcome" IS NULL))
);
CREATE INDEX "disputes_partnership_id_status_idx" ON "disputes"("partnership_id", "status");
CREATE INDEX "disputes_status_created_at_idx" ON "disputes"("status", "created_at");
-- One open dispute per deliverable and per payment.
CREATE UNIQUE INDEX "disputes_open_deliverable_key" ON "disputes"("deliverable_id") WHERE "status" = 'open';
CREATE UNIQUE INDEX "disputes_open_payment_key" ON "disputes"("payment_id") WHERE "status" = 'open';
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_deliverable_id_fkey" FOREIGN KEY ("deliverable_id") REFERENCES "deliverables"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "partnership_payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_fkey" FOREIGN KEY ("opened_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- How a creator is paid.
CREATE TYPE "PayoutMethod" AS ENUM ('stripe', 'mpesa');
CREATE TYPE "PayoutStatus" AS ENUM ('pending', 'paid', 'failed');
ALTER TABLE "creator_profiles" ADD COLUMN "payout_method" "PayoutMethod";
ALTER TABLE "creator_profiles" ADD COLUMN "payout_country" CHAR(2);
ALTER TABLE "creator_profiles" ADD COLUMN "mpesa_phone" TEXT;
UPDATE "creator_profiles" SET "payout_method" = 'stripe' WHERE "stripe_account_id" IS NOT NULL;

-- A payout moves what was released to a creator (creator payable) out to them. One per
-- released payment; a failed attempt is retried on the same row, never a second payout.
CREATE TABLE "payouts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "payment_id" UUID NOT NULL,
    "partnership_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "method" "PayoutMethod" NOT NULL,
    "destination" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'pending',
    "sandbox" BOOLEAN NOT NULL DEFAULT false,
    -- Our id for the current attempt, sent to the provider (Stripe idempotency key, Daraja OriginatorConversationID).
    "attempt_ref" TEXT,
    -- The provider's id for the money sent (Stripe transfer, Daraja ConversationID).
    "provider_ref" TEXT,
    -- The provider's receipt (M-Pesa TransactionReceipt).
    "receipt" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "failure_reason" TEXT,
    "requested_at" TIMESTAMPTZ(3),
    "paid_at" TIMESTAMPTZ(3),
    "failed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "payouts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "payouts_amount_positive" CHECK ("amount_minor" > 0)
);
CREATE UNIQUE INDEX "payouts_payment_id_key" ON "payouts"("payment_id");
CREATE UNIQUE INDEX "payouts_attempt_ref_key" ON "payouts"("attempt_ref");
CREATE UNIQUE INDEX "payouts_provider_ref_key" ON "payouts"("provider_ref");
CREATE INDEX "payouts_status_created_at_idx" ON "payouts"("status", "created_at");
CREATE INDEX "payouts_creator_id_created_at_idx" ON "payouts"("creator_id", "created_at");
CREATE INDEX "payouts_partnership_id_idx" ON "payouts"("partnership_id");
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "partnership_payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Releases made before payouts were recorded paid out in the same step: each gets its payout.
INSERT INTO "payouts" ("payment_id", "partnership_id", "creator_id", "method", "destination", "amount_minor", "currency", "status",
                       "attempt_ref", "provider_ref", "attempts", "requested_at", "paid_at", "updated_at")
SELECT p.id, p.partnership_id, pa.creator_id, 'stripe', COALESCE(cp.stripe_account_id, 'unrecorded'), p.amount_minor, p.currency, 'paid',
       'release_' || p.id::text, p.provider_transfer, 1, p.paid_at, COALESCE(p.paid_at, p.updated_at), now()
  FROM partnership_payments p
  JOIN partnerships pa ON pa.id = p.partnership_id
  LEFT JOIN creator_profiles cp ON cp.user_id = pa.creator_id
 WHERE p.status = 'completed';

-- The ledger's backfill follows the payments and payouts as they now are: a release of
-- what went to the creator, a refund of what went back, a payout once it is paid.
CREATE OR REPLACE FUNCTION record_missing_escrow_entries() RETURNS BIGINT LANGUAGE sql AS $$
  WITH due_amounts AS (
    SELECT p.id AS payment_id, p.partnership_id, p.currency, 'charge'::"LedgerMovement" AS movement,
           'escrow'::"LedgerAccount" AS debit, 'brand_funding'::"LedgerAccount" AS credit, p.amount_minor, COALESCE(p.funded_at, p.updated_at) AS created_at
      FROM partnership_payments p WHERE p.status IN ('in_progress', 'completed', 'refunded')
    UNION ALL
    SELECT p.id, p.partnership_id, p.currency, 'release', 'creator_payable', 'escrow', p.amount_minor - p.refunded_minor, COALESCE(p.paid_at, p.updated_at)
      FROM partnership_payments p WHERE p.status = 'completed' AND p.amount_minor > p.refunded_minor
    UNION ALL
    SELECT p.id, p.partnership_id, p.currency, 'refund', 'refunds', 'escrow', p.refunded_minor, COALESCE(p.refunded_at, p.updated_at)
      FROM partnership_payments p WHERE p.status IN ('completed', 'refunded') AND p.refunded_minor > 0
    UNION ALL
    SELECT o.payment_id, o.partnership_id, o.currency, 'payout', 'creator_paid_out', 'creator_payable', o.amount_minor, COALESCE(o.paid_at, o.updated_at)
      FROM payouts o WHERE o.status = 'paid'
  ),
  due AS (
    SELECT d.*, md5(d.payment_id::text || ':' || d.movement::text)::uuid AS movement_id
      FROM due_amounts d
     WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.payment_id = d.payment_id AND e.movement = d.movement)
  ),
  written AS (
    INSERT INTO ledger_entries (movement_id, movement, partnership_id, payment_id, account, amount_minor, currency, created_at)
    SELECT movement_id, movement, partnership_id, payment_id, debit, amount_minor, currency, created_at FROM due
    UNION ALL
    SELECT movement_id, movement, partnership_id, payment_id, credit, -amount_minor, currency, created_at FROM due
    RETURNING 1
  )
  SELECT COUNT(*) FROM written;
$$;
