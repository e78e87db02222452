/**
 * A payout's two ends, each in the caller's transaction and each conditional on the payout not
 * being paid already, so a duplicate result (a callback delivered twice, a status query and a
 * callback racing) changes nothing the second time. Paid writes the payout ledger movement
 * (creator payable → paid out); failed leaves the money in creator payable for a retry.
 */
import type { DbTx } from "../db";
import { logActivity } from "../partnerships/log-activity";
import { describeMoney } from "../partnerships/payment-view";
import { recordLedgerMovement } from "../partnerships/record-ledger-movement";

/** Attempts after which a failing payout waits for someone to act (a new payout method re-queues it). */
export const MAX_PAYOUT_ATTEMPTS = 6;

/** Wait before attempt n+1 after n failed: 1, 2, 4, 8… minutes, at most six hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(6 * 60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

export async function lockPayout(tx: DbTx, where: { id?: string; attemptRef?: string; providerRef?: string }) {
  const [row] = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id::text AS id FROM payouts
     WHERE (${where.id ?? null}::uuid IS NOT NULL AND id = ${where.id ?? null}::uuid)
        OR (${where.attemptRef ?? null}::text IS NOT NULL AND attempt_ref = ${where.attemptRef ?? null}::text)
        OR (${where.providerRef ?? null}::text IS NOT NULL AND provider_ref = ${where.providerRef ?? null}::text)
     LIMIT 1 FOR UPDATE`;
  return row ? tx.payout.findUnique({ where: { id: row.id }, include: { payment: true } }) : null;
}

/** Marks the payout paid; false when it already was. */
export async function markPayoutPaid(
  tx: DbTx,
  payoutId: string,
  options: { providerRef: string | null; receipt?: string | null; sandbox: boolean; at: Date },
): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE payouts SET status = 'paid', paid_at = ${options.at}, failed_at = NULL, failure_reason = NULL,
           provider_ref = COALESCE(${options.providerRef}::text, provider_ref), receipt = COALESCE(${options.receipt ?? null}::text, receipt),
           sandbox = ${options.sandbox}, updated_at = now()
     WHERE id = ${payoutId}::uuid AND status <> 'paid'`;
  if (updated !== 1) return false;
  const payout = await tx.payout.findUniqueOrThrow({ where: { id: payoutId }, include: { payment: true } });
  await recordLedgerMovement(tx, { movement: "payout", payment: payout.payment, amountMinor: payout.amountMinor, at: options.at });
  if (payout.method === "stripe" && payout.providerRef) {
    await tx.partnershipPayment.update({ where: { id: payout.paymentId }, data: { providerTransfer: payout.providerRef } });
  }
  await logActivity(tx, {
    partnershipId: payout.partnershipId,
    userId: null,
    type: "payout_paid",
    description: `${describeMoney(payout.amountMinor, payout.currency)} paid out to the creator by ${payout.method === "mpesa" ? "M-Pesa" : "Stripe"}${payout.sandbox ? " (sandbox)" : ""}`,
    metadata: { payoutId, paymentId: payout.paymentId, providerRef: payout.providerRef, receipt: payout.receipt },
    at: options.at,
  });
  return true;
}

/** Marks the payout failed (money stays in creator payable); false when it is paid. */
export async function markPayoutFailed(tx: DbTx, payoutId: string, options: { reason: string; at: Date }): Promise<boolean> {
  const updated = await tx.$executeRaw`
    UPDATE payouts SET status = 'failed', failed_at = ${options.at}, failure_reason = ${options.reason.slice(0, 1000)}, updated_at = now()
     WHERE id = ${payoutId}::uuid AND status <> 'paid'`;
  return updated === 1;
}
