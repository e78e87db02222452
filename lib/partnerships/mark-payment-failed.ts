import type { DbTx } from "../db";
import type { PartnershipPayment } from "../generated/prisma/client";
import { logActivity } from "./log-activity";
import { describeMoney, lockPaymentByIntent } from "./payment-view";
import { transition } from "./transitions";

export interface MarkPaymentFailedOptions {
  providerPaymentIntent: string;
  reason: string;
  eventId?: string;
}

/** A charge attempt failed: a pending payment is marked failed (the brand may initiate it again). */
export async function markPaymentFailed(tx: DbTx, options: MarkPaymentFailedOptions): Promise<PartnershipPayment | null> {
  const payment = await lockPaymentByIntent(tx, options.providerPaymentIntent);
  if (!payment || payment.status !== "pending") return payment;
  await transition(tx, "payment", payment.id, "failed", { from: ["pending"] });
  const failed = await tx.partnershipPayment.update({ where: { id: payment.id }, data: { failureReason: options.reason } });
  await logActivity(tx, {
    partnershipId: payment.partnershipId,
    userId: null,
    type: "payment_failed",
    description: `The ${payment.type} payment of ${describeMoney(payment.amountMinor, payment.currency)} failed: ${options.reason}`,
    metadata: {
      paymentId: payment.id,
      providerPaymentIntent: options.providerPaymentIntent,
      reason: options.reason,
      ...(options.eventId ? { eventId: options.eventId } : {}),
    },
  });
  return failed;
}
