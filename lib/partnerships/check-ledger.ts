/**
 * The escrow ledger's invariants, checked against any database (`npm run ledger:check`,
 * and after every database test):
 * - every movement sums to zero in one currency;
 * - no partnership's escrow or creator payable is negative;
 * - the ledger agrees with the payments: a funded payment has its charge, a released
 *   one its charge, release and payout, a pending or failed one nothing, each entry of
 *   the payment's own amount and currency;
 * - so a partnership's escrow holds exactly its funded, unreleased payments
 *   (escrow = funded − released − refunded).
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

const EXPECTED_MOVEMENTS = Prisma.sql`
  CASE p.status WHEN 'in_progress' THEN ARRAY['charge'] WHEN 'completed' THEN ARRAY['charge', 'payout', 'release'] ELSE ARRAY[]::text[] END`;

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
  const disagreeing = await db.$queryRaw<Array<{ payment_id: string; status: string; recorded: string[]; expected: string[] }>>`
    SELECT p.id::text AS payment_id, p.status::text AS status,
           COALESCE(array_agg(DISTINCT e.movement::text ORDER BY e.movement::text) FILTER (WHERE e.id IS NOT NULL), ARRAY[]::text[]) AS recorded,
           ${EXPECTED_MOVEMENTS} AS expected
      FROM partnership_payments p
      LEFT JOIN ledger_entries e ON e.payment_id = p.id
     GROUP BY p.id, p.status
    HAVING COALESCE(array_agg(DISTINCT e.movement::text ORDER BY e.movement::text) FILTER (WHERE e.id IS NOT NULL), ARRAY[]::text[]) <> ${EXPECTED_MOVEMENTS}
        OR bool_or(e.id IS NOT NULL AND (abs(e.amount_minor) <> p.amount_minor OR e.currency <> p.currency))
        OR bool_or(e.id IS NOT NULL AND e.partnership_id <> p.partnership_id)`;
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
      (d) => `payment ${d.payment_id} (${d.status}) has [${d.recorded.join(", ")}], expected [${d.expected.join(", ")}] of its own amount`,
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
