-- The escrow ledger: every movement of partnership money is a set of entries that sum
-- to zero. An entry's amount is what enters its account (negative: what leaves it).
CREATE TYPE "LedgerAccount" AS ENUM ('brand_funding', 'escrow', 'creator_payable', 'creator_paid_out', 'refunds', 'provider_fees');
CREATE TYPE "LedgerMovement" AS ENUM ('charge', 'release', 'payout', 'refund', 'reversal');

CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "movement_id" UUID NOT NULL,
    "movement" "LedgerMovement" NOT NULL,
    "partnership_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "account" "LedgerAccount" NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entries_amount_not_zero" CHECK ("amount_minor" <> 0)
);

-- A payment is charged, released and paid out once each: a second write of the same
-- movement is refused by the database, whatever the code does.
CREATE UNIQUE INDEX "ledger_entries_payment_id_movement_account_key" ON "ledger_entries"("payment_id", "movement", "account");
CREATE INDEX "ledger_entries_partnership_id_account_idx" ON "ledger_entries"("partnership_id", "account");
CREATE INDEX "ledger_entries_movement_id_idx" ON "ledger_entries"("movement_id");

ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_partnership_id_fkey" FOREIGN KEY ("partnership_id") REFERENCES "partnerships"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "partnership_payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Entries are written, never changed: a correction is a new movement.
CREATE FUNCTION ledger_entries_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger entries are never changed';
END $$;
CREATE TRIGGER ledger_entries_unchanged BEFORE UPDATE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_entries_unchanged();

-- A movement is written whole by one statement, and balances in one currency when it is:
-- checked as the statement ends, so a bad movement fails there, inside its transaction.
CREATE FUNCTION ledger_movements_balance() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad RECORD;
BEGIN
  SELECT e.movement_id, SUM(e.amount_minor) AS total, COUNT(DISTINCT e.currency) AS currencies INTO bad
    FROM ledger_entries e
   WHERE e.movement_id IN (SELECT movement_id FROM inserted)
   GROUP BY e.movement_id
  HAVING SUM(e.amount_minor) <> 0 OR COUNT(DISTINCT e.currency) <> 1
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger movement % does not balance in one currency (sum %, % currencies)', bad.movement_id, bad.total, bad.currencies;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER ledger_movements_balance AFTER INSERT ON "ledger_entries"
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ledger_movements_balance();

-- The entries a payment's state implies and does not have yet: the charge of a funded or
-- released payment, the release and the payout of a released one. Used once here for the
-- payments that moved before the ledger existed, and by the demo data.
CREATE FUNCTION record_missing_escrow_entries() RETURNS BIGINT LANGUAGE sql AS $$
  WITH movements (movement, debit, credit, states, at) AS (
    VALUES ('charge'::"LedgerMovement", 'escrow'::"LedgerAccount", 'brand_funding'::"LedgerAccount", ARRAY['in_progress', 'completed'], 'funded'),
           ('release', 'creator_payable', 'escrow', ARRAY['completed'], 'paid'),
           ('payout', 'creator_paid_out', 'creator_payable', ARRAY['completed'], 'paid')
  ),
  due AS (
    SELECT p.id AS payment_id, p.partnership_id, p.amount_minor, p.currency, m.movement, m.debit, m.credit,
           md5(p.id::text || ':' || m.movement::text)::uuid AS movement_id,
           COALESCE(CASE m.at WHEN 'funded' THEN p.funded_at ELSE p.paid_at END, p.updated_at) AS created_at
      FROM partnership_payments p
      JOIN movements m ON p.status::text = ANY (m.states)
     WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.payment_id = p.id AND e.movement = m.movement)
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

SELECT record_missing_escrow_entries();
