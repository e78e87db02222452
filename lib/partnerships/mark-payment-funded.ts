import type { DbTx } from "../db";
import type { PartnershipPayment } from "../generated/prisma/client";
import { logActivity } from "./log-activity";
import { markPaymentFailed } from "./mark-payment-failed";
import { recordLedgerMovement } from "./record-ledger-movement";
import { refundChargeOfCancelled } from "./refund-cancelled-charge";
import { describeMoney, lockPaymentByIntent } from "./payment-view";
import { transition } from "./transitions";

export interface MarkPaymentFundedOptions {
  providerPaymentIntent: string;
  /** The provider's event that reported it, recorded in the activity log. */
  eventId?: string;
  userId?: string | null;
  /** What the provider says it charged, when it says. */
  charged?: { amountMinor: bigint; currency: string };
}

/**
 * The money for a charge arrived: the payment is now held in escrow. Called by the
 * Stripe webhook (with what Stripe says it charged) and by the sandbox confirmation
 * alike; funding a payment that is already funded changes nothing. A charge for another
 * amount or currency funds nothing: the payment fails with the discrepancy as its
 * reason. Returns null for a charge that is not a payment's.
 */
export async function markPaymentFunded(tx: DbTx, options: MarkPaymentFundedOptions): Promise<PartnershipPayment | null> {
  const payment = await lockPaymentByIntent(tx, options.providerPaymentIntent);
  if (!payment || payment.status === "in_progress" || payment.status === "completed" || payment.status === "refunded") return payment;
  const { charged } = options;
  if (charged && (charged.amountMinor !== payment.amountMinor || charged.currency.toUpperCase() !== payment.currency)) {
    const reason = `Stripe charged ${describeMoney(charged.amountMinor, charged.currency.toUpperCase())}, not the payment's ${describeMoney(payment.amountMinor, payment.currency)}`;
    console.warn(`Escrow payment ${payment.id}: ${reason}; not funded`);
    if (payment.status === "failed" || payment.status === "cancelled") return payment;
    return markPaymentFailed(tx, { providerPaymentIntent: options.providerPaymentIntent, reason, eventId: options.eventId });
  }
  if (payment.status === "cancelled")
    return refundChargeOfCancelled(tx, { payment, eventId: options.eventId, userId: options.userId ?? null });
  // A charge can succeed after an earlier attempt on it failed: the money is there either way.
  if (payment.status === "failed") await transition(tx, "payment", payment.id, "pending", { from: ["failed"] });
  await transition(tx, "payment", payment.id, "in_progress", { from: ["pending"] });
  const fundedAt = new Date();
  const funded = await tx.partnershipPayment.update({ where: { id: payment.id }, data: { fundedAt, failureReason: null } });
  await recordLedgerMovement(tx, { movement: "charge", payment, at: fundedAt });
  await logActivity(tx, {
    partnershipId: payment.partnershipId,
    userId: options.userId ?? null,
    type: "payment_funded",
    description: `${payment.type[0]!.toUpperCase()}${payment.type.slice(1)} payment of ${describeMoney(payment.amountMinor, payment.currency)} is held in escrow`,
    metadata: {
      paymentId: payment.id,
      providerPaymentIntent: options.providerPaymentIntent,
      ...(options.eventId ? { eventId: options.eventId } : {}),
    },
    at: fundedAt,
  });
  return funded;
}
