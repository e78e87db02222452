/**
 * Where a partnership's money stands, for either party: what is still to be paid in,
 * what the escrow ledger holds, and what has been released to the creator. The last two
 * are ledger balances (record-ledger-movement.ts), so the page shows the same figures
 * `npm run ledger:check` holds against the payments.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { partnershipForParty } from "./access";

export interface GetEscrowBalancesOptions {
  actor: Actor;
  partnershipId: string;
}

export interface EscrowBalances {
  currency: string;
  /** Scheduled payments not funded yet (pending, or failed and to be paid again). */
  awaiting: number;
  /** The balance of the partnership's escrow account. */
  held: number;
  /** Everything released from escrow to the creator. */
  released: number;
}

export async function getEscrowBalances(options: GetEscrowBalancesOptions): Promise<EscrowBalances> {
  const db = getDb();
  const { partnership } = await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const [row] = await db.$queryRaw<Array<{ awaiting: bigint; held: bigint; released: bigint }>>`
    SELECT COALESCE((SELECT SUM(amount_minor) FROM partnership_payments
                      WHERE partnership_id = ${partnership.id}::uuid AND status IN ('pending', 'failed')), 0)::bigint AS awaiting,
           COALESCE((SELECT SUM(amount_minor) FROM ledger_entries
                      WHERE partnership_id = ${partnership.id}::uuid AND account = 'escrow'), 0)::bigint AS held,
           COALESCE((SELECT SUM(amount_minor) FROM ledger_entries
                      WHERE partnership_id = ${partnership.id}::uuid AND movement = 'release' AND account = 'creator_payable'), 0)::bigint AS released`;
  return { currency: partnership.currency, awaiting: toMajor(row?.awaiting), held: toMajor(row?.held), released: toMajor(row?.released) };
}
