/**
 * The escrow ledger's invariants, checked against any database (`npm run ledger:check`,
 * and after every database test):
 * - every movement sums to zero in one currency;
 * - no partnership's escrow or creator payable is negative;
 * - the ledger agrees with the payments and payouts, movement by movement and amount by
 *   amount: a funded payment has its charge, a released one its release (of what the
 *   creator got), a refunded one its refund, a paid payout its payout, and a pending,
 *   failed or cancelled payment nothing;
 * - so a partnership's escrow holds exactly its funded, unreleased payments
 *   (escrow = funded − released − refunded), and its creator payable what was released
 *   and not yet paid out.
 */
import type { DbTx } from "../db";
import { Prisma } from "../db";

export interface LedgerCheck {
  entries: number;
  movements: number;
  /** Each account's balance per currency, in minor units. */
  balances: Array<{ account: string; currency: string; balanceMinor: bigint }>;
  problems: string[];
}

/**
 * What each payment's state says the ledger must hold, movement by movement: the charge
 * once funded, the release of what went to the creator, the refund of what went back to
 * the brand, and the payout once the payout is paid.
 */
const EXPECTED = Prisma.sql`
  SELECT p.id AS payment_id, p.partnership_id, p.currency, 'charge' AS movement, p.amount_minor AS amount_minor
    FROM partnership_payments p WHERE p.status IN ('in_progress', 'completed', 'refunded')
  UNION ALL
  SELECT p.id, p.partnership_id, p.currency, 'release', p.amount_minor - p.refunded_minor
    FROM partnership_payments p WHERE p.status = 'completed' AND p.amount_minor > p.refunded_minor
  UNION ALL
  SELECT p.id, p.partnership_id, p.currency, 'refund', p.refunded_minor
    FROM partnership_payments p WHERE p.status IN ('completed', 'refunded') AND p.refunded_minor > 0
  UNION ALL
  SELECT o.payment_id, o.partnership_id, o.currency, 'payout', o.amount_minor
    FROM payouts o WHERE o.status = 'paid'`;

/** What the ledger holds, per payment and movement: the amount that entered the destination account. */
const RECORDED = Prisma.sql`
  SELECT payment_id, partnership_id, currency, movement::text AS movement, SUM(amount_minor) FILTER (WHERE amount_minor > 0) AS amount_minor
    FROM ledger_entries GROUP BY payment_id, partnership_id, currency, movement`;

export async function checkLedger(db: DbTx): Promise<LedgerCheck> {
  // One statement at a time: the caller may hand in a transaction.
  const [totals] = await db.$queryRaw<Array<{ entries: bigint; movements: bigint }>>`
    SELECT COUNT(*) AS entries, COUNT(DISTINCT movement_id) AS movements FROM ledger_entries`;
  const balances = await db.$queryRaw<Array<{ account: string; currency: string; balance_minor: bigint }>>`
    SELECT account::text, trim(currency) AS currency, SUM(amount_minor)::bigint AS balance_minor
      FROM ledger_entries GROUP BY 1, 2 ORDER BY 1, 2`;
  const unbalanced = await db.$queryRaw<Array<{ movement_id: string; total: bigint; currencies: bigint }>>`
    SELECT movement_id::text, SUM(amount_minor)::bigint AS total, COUNT(DISTINCT currency) AS currencies
      FROM ledger_entries GROUP BY movement_id HAVING SUM(amount_minor) <> 0 OR COUNT(DISTINCT currency) <> 1`;
  const negative = await db.$queryRaw<Array<{ partnership_id: string; account: string; balance: bigint }>>`
    SELECT partnership_id::text, account::text, SUM(amount_minor)::bigint AS balance
      FROM ledger_entries WHERE account IN ('escrow', 'creator_payable')
     GROUP BY 1, 2 HAVING SUM(amount_minor) < 0`;
  const disagreeing = await db.$queryRaw<Array<{ payment_id: string; movement: string; recorded: bigint | null; expected: bigint | null }>>`
    SELECT COALESCE(r.payment_id, x.payment_id)::text AS payment_id, COALESCE(r.movement, x.movement) AS movement,
           r.amount_minor::bigint AS recorded, x.amount_minor::bigint AS expected
      FROM (${RECORDED}) r
      FULL JOIN (${EXPECTED}) x ON x.payment_id = r.payment_id AND x.movement = r.movement
     WHERE r.amount_minor IS DISTINCT FROM x.amount_minor
        OR r.currency IS DISTINCT FROM x.currency
        OR r.partnership_id IS DISTINCT FROM x.partnership_id
     ORDER BY 1, 2`;
  const payableMismatch = await db.$queryRaw<Array<{ partnership_id: string; payable: bigint; unpaid: bigint }>>`
    SELECT pa.id::text AS partnership_id,
           COALESCE((SELECT SUM(amount_minor) FROM ledger_entries WHERE partnership_id = pa.id AND account = 'creator_payable'), 0)::bigint AS payable,
           COALESCE((SELECT SUM(p.amount_minor - p.refunded_minor) FROM partnership_payments p
                      WHERE p.partnership_id = pa.id AND p.status = 'completed'
                        AND NOT EXISTS (SELECT 1 FROM payouts o WHERE o.payment_id = p.id AND o.status = 'paid')), 0)::bigint AS unpaid
      FROM partnerships pa
     WHERE COALESCE((SELECT SUM(amount_minor) FROM ledger_entries WHERE partnership_id = pa.id AND account = 'creator_payable'), 0)
        <> COALESCE((SELECT SUM(p.amount_minor - p.refunded_minor) FROM partnership_payments p
                      WHERE p.partnership_id = pa.id AND p.status = 'completed'
                        AND NOT EXISTS (SELECT 1 FROM payouts o WHERE o.payment_id = p.id AND o.status = 'paid')), 0)`;
  const escrowMismatch = await db.$queryRaw<Array<{ partnership_id: string; escrow: bigint; funded_unreleased: bigint }>>`
    SELECT pa.id::text AS partnership_id,
           COALESCE((SELECT SUM(amount_minor) FROM ledger_entries WHERE partnership_id = pa.id AND account = 'escrow'), 0)::bigint AS escrow,
           COALESCE((SELECT SUM(amount_minor) FROM partnership_payments WHERE partnership_id = pa.id AND status = 'in_progress'), 0)::bigint
             AS funded_unreleased
      FROM partnerships pa
     WHERE COALESCE((SELECT SUM(amount_minor) FROM ledger_entries WHERE partnership_id = pa.id AND account = 'escrow'), 0)
        <> COALESCE((SELECT SUM(amount_minor) FROM partnership_payments WHERE partnership_id = pa.id AND status = 'in_progress'), 0)`;

  const problems = [
    ...unbalanced.map((m) => `movement ${m.movement_id} sums to ${m.total} over ${m.currencies} currencies`),
    ...negative.map((n) => `partnership ${n.partnership_id}: ${n.account} is ${n.balance}`),
    ...disagreeing.map(
      (d) => `payment ${d.payment_id}: ${d.movement} recorded ${d.recorded ?? "nothing"}, expected ${d.expected ?? "nothing"}`,
    ),
    ...payableMismatch.map(
      (m) => `partnership ${m.partnership_id}: creator payable holds ${m.payable}, its released payments not yet paid out ${m.unpaid}`,
    ),
    ...escrowMismatch.map(
      (m) => `partnership ${m.partnership_id}: escrow holds ${m.escrow}, its funded unreleased payments ${m.funded_unreleased}`,
    ),
  ];
  return {
    entries: Number(totals?.entries ?? 0),
    movements: Number(totals?.movements ?? 0),
    balances: balances.map((b) => ({ account: b.account, currency: b.currency, balanceMinor: BigInt(b.balance_minor) })),
    problems,
  };
}
