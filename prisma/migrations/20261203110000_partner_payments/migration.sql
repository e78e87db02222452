-- Partner payments a finance team can reconcile: the parties' details on documents,
-- numbered series per issuer and payer, invoice lines, receipts, M-Pesa reconciliation
-- state, disbursement periods and standing orders.

-- Parties. The organisation that issues invoices and receipts is the one marked
-- issues_documents (one at most).
ALTER TABLE "organizations"
  ADD COLUMN "legal_name" TEXT,
  ADD COLUMN "address" TEXT,
  ADD COLUMN "kra_pin" TEXT,
  ADD COLUMN "billing_email" TEXT,
  ADD COLUMN "account_code" TEXT,
  ADD COLUMN "issues_documents" BOOLEAN NOT NULL DEFAULT FALSE;
-- A short code naming the payer's series in document numbers: letters of the name and a
-- few characters of the id (unique without revealing how many organisations there are).
UPDATE "organizations"
   SET "account_code" = upper(rpad(left(regexp_replace("name", '[^A-Za-z]', '', 'g'), 3), 3, 'X') || substr(md5("id"::text), 1, 4));
ALTER TABLE "organizations" ALTER COLUMN "account_code" SET NOT NULL,
  ALTER COLUMN "account_code" SET DEFAULT upper(substr(md5(gen_random_uuid()::text), 1, 7));
CREATE UNIQUE INDEX "organizations_account_code_key" ON "organizations"("account_code");
CREATE UNIQUE INDEX "organizations_issues_documents_key" ON "organizations"("issues_documents") WHERE "issues_documents";
-- The issuer's details are set on /admin/organization; until then documents carry its name.
INSERT INTO "organizations" ("id", "name", "type", "legal_name", "issues_documents", "account_code")
SELECT gen_random_uuid(), 'Harambee Education Fund', 'ngo', 'Harambee Education Fund', TRUE, 'HEF'
 WHERE NOT EXISTS (SELECT 1 FROM "organizations" WHERE "issues_documents");

-- Document numbers: one gap-free sequence per issuer, payer, kind and year; a number is
-- taken by the upsert of this row in the transaction that creates the document.
CREATE TABLE "document_sequences" (
  "issuer_id" UUID NOT NULL,
  "payer_id" UUID NOT NULL,
  "kind" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "last_number" INTEGER NOT NULL,
  CONSTRAINT "document_sequences_pkey" PRIMARY KEY ("issuer_id", "payer_id", "kind", "year"),
  CONSTRAINT "document_sequences_kind_check" CHECK ("kind" IN ('invoice', 'receipt')),
  CONSTRAINT "document_sequences_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "document_sequences_payer_id_fkey" FOREIGN KEY ("payer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- Invoices: who issued them, both parties' details as they were at issue, and lines.
ALTER TABLE "invoices"
  ADD COLUMN "issuer_id" UUID,
  ADD COLUMN "issuer_details" JSONB,
  ADD COLUMN "payer_details" JSONB,
  ADD COLUMN "voided_at" TIMESTAMPTZ(3),
  ADD COLUMN "void_reason" TEXT;
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "invoice_lines" (
  "id" UUID NOT NULL,
  "invoice_id" UUID NOT NULL,
  "position" INTEGER NOT NULL,
  "description" TEXT NOT NULL,
  "sponsorship_id" UUID,
  "program_id" UUID,
  "amount_minor" BIGINT NOT NULL,
  "currency" CHAR(3) NOT NULL,
  CONSTRAINT "invoice_lines_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "invoice_lines_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "invoice_lines_sponsorship_id_fkey" FOREIGN KEY ("sponsorship_id") REFERENCES "sponsorships"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "invoice_lines_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "invoice_lines_invoice_id_position_key" ON "invoice_lines"("invoice_id", "position");
CREATE INDEX "invoice_lines_sponsorship_id_idx" ON "invoice_lines"("sponsorship_id");

-- Receipts: one per completed payment, numbered in the issuer's series for the payer.
CREATE TABLE "receipts" (
  "id" UUID NOT NULL,
  "issuer_id" UUID NOT NULL,
  "partner_id" UUID NOT NULL,
  "payment_id" UUID NOT NULL,
  "receipt_number" TEXT NOT NULL,
  "amount_minor" BIGINT NOT NULL,
  "currency" CHAR(3) NOT NULL,
  "method" "PaymentMethod" NOT NULL,
  "provider_receipt" TEXT,
  "issuer_details" JSONB NOT NULL,
  "payer_details" JSONB NOT NULL,
  "issued_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "receipts_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "receipts_issuer_id_fkey" FOREIGN KEY ("issuer_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "receipts_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "receipts_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "receipts_payment_id_key" ON "receipts"("payment_id");
CREATE UNIQUE INDEX "receipts_receipt_number_key" ON "receipts"("receipt_number");
CREATE INDEX "receipts_partner_id_issued_at_idx" ON "receipts"("partner_id", "issued_at");

-- Provider reports are kept as they came (deduplication id, and now the payload).
ALTER TABLE "webhook_events" ADD COLUMN "payload" JSONB;

-- Standing orders.
CREATE TYPE "StandingOrderFrequency" AS ENUM ('monthly', 'quarterly', 'yearly');
CREATE TYPE "StandingOrderStatus" AS ENUM ('active', 'paused', 'cancelled', 'finished');
CREATE TYPE "StandingOrderRunStatus" AS ENUM ('pending', 'retrying', 'paid', 'failed', 'skipped');

CREATE TABLE "standing_orders" (
  "id" UUID NOT NULL,
  "partner_id" UUID NOT NULL,
  "created_by_id" UUID,
  "description" TEXT,
  "method" "PaymentMethod" NOT NULL,
  "phone_number" TEXT,
  "program_id" UUID,
  "amount_minor" BIGINT NOT NULL,
  "currency" CHAR(3) NOT NULL DEFAULT 'KES',
  "frequency" "StandingOrderFrequency" NOT NULL,
  "start_date" DATE NOT NULL,
  "end_date" DATE,
  "next_due_date" DATE,
  "status" "StandingOrderStatus" NOT NULL DEFAULT 'active',
  "paused_at" TIMESTAMPTZ(3),
  "cancelled_at" TIMESTAMPTZ(3),
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "standing_orders_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "standing_orders_amount_check" CHECK ("amount_minor" > 0),
  CONSTRAINT "standing_orders_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT "standing_orders_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT "standing_orders_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "standing_orders_partner_id_status_idx" ON "standing_orders"("partner_id", "status");
CREATE INDEX "standing_orders_due_idx" ON "standing_orders"("next_due_date") WHERE "status" = 'active';

CREATE TABLE "standing_order_sponsorships" (
  "standing_order_id" UUID NOT NULL,
  "sponsorship_id" UUID NOT NULL,
  CONSTRAINT "standing_order_sponsorships_pkey" PRIMARY KEY ("standing_order_id", "sponsorship_id"),
  CONSTRAINT "standing_order_sponsorships_standing_order_id_fkey" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "standing_order_sponsorships_sponsorship_id_fkey" FOREIGN KEY ("sponsorship_id") REFERENCES "sponsorships"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "standing_order_sponsorships_sponsorship_id_idx" ON "standing_order_sponsorships"("sponsorship_id");

-- One run per standing order and due date: the unique index is what keeps a period from
-- being charged twice, whoever fires it.
CREATE TABLE "standing_order_runs" (
  "id" UUID NOT NULL,
  "standing_order_id" UUID NOT NULL,
  "due_date" DATE NOT NULL,
  "status" "StandingOrderRunStatus" NOT NULL DEFAULT 'pending',
  "invoice_id" UUID,
  "attempts" INTEGER NOT NULL DEFAULT 0,
  "next_attempt_at" TIMESTAMPTZ(3),
  "last_error" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "standing_order_runs_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "standing_order_runs_standing_order_id_fkey" FOREIGN KEY ("standing_order_id") REFERENCES "standing_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT "standing_order_runs_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "standing_order_runs_standing_order_id_due_date_key" ON "standing_order_runs"("standing_order_id", "due_date");
CREATE INDEX "standing_order_runs_retry_idx" ON "standing_order_runs"("next_attempt_at") WHERE "status" = 'retrying';

-- Payments: how a failure is classified, where an M-Pesa payment's reconciliation stands,
-- and the standing order run it was made for.
ALTER TABLE "payments"
  ADD COLUMN "failure_code" TEXT,
  ADD COLUMN "expires_at" TIMESTAMPTZ(3),
  ADD COLUMN "result_received_at" TIMESTAMPTZ(3),
  ADD COLUMN "last_queried_at" TIMESTAMPTZ(3),
  ADD COLUMN "query_attempts" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "standing_order_run_id" UUID;
ALTER TABLE "payments" ADD CONSTRAINT "payments_standing_order_run_id_fkey" FOREIGN KEY ("standing_order_run_id") REFERENCES "standing_order_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "payments_standing_order_run_id_idx" ON "payments"("standing_order_run_id");
CREATE INDEX "payments_pending_idx" ON "payments"("method", "created_at") WHERE "status" = 'pending';

-- Disbursements follow the sponsorship's calendar: one row per payment, sponsorship and
-- period, dated when the period starts (or when the money came, if later). Money for a
-- period not yet started is committed, not disbursed.
ALTER TABLE "disbursements" ADD COLUMN "period_start" DATE;
UPDATE "disbursements" SET "period_start" = ("disbursed_at" AT TIME ZONE 'UTC')::date;
ALTER TABLE "disbursements" ALTER COLUMN "period_start" SET NOT NULL;
DROP INDEX "disbursements_payment_id_sponsorship_id_key";
CREATE UNIQUE INDEX "disbursements_payment_id_sponsorship_id_period_start_key" ON "disbursements"("payment_id", "sponsorship_id", "period_start");
