/**
 * A charge that lands after its payment was cancelled (the brand paid while the
 * partnership was being terminated) is not lost: the ledger records it arriving in
 * escrow and going straight back to the brand, and the provider refunds it.
 */
import type { DbTx } from "../db";
import type { PartnershipPayment } from "../generated/prisma/client";
import { logActivity } from "./log-activity";
import { describeMoney } from "./payment-view";
import { recordLedgerMovement } from "./record-ledger-movement";
import { refundToBrand } from "./refund-payment";

export async function refundChargeOfCancelled(
  tx: DbTx,
  options: { payment: PartnershipPayment; eventId?: string; userId: string | null },
): Promise<PartnershipPayment> {
  const { payment } = options;
  const at = new Date();
  await tx.partnershipPayment.update({ where: { id: payment.id }, data: { fundedAt: at } });
  await recordLedgerMovement(tx, { movement: "charge", payment, at });
  const refunded = await refundToBrand(tx, { payment, at });
  await logActivity(tx, {
    partnershipId: payment.partnershipId,
    userId: options.userId,
    type: "payment_refunded",
    description: `${describeMoney(payment.amountMinor, payment.currency)} charged after the payment was cancelled, refunded to the brand`,
    metadata: {
      paymentId: payment.id,
      refund: refunded.providerRefund,
      ...(options.eventId ? { eventId: options.eventId } : {}),
    },
    at,
  });
  return refunded;
}
