/**
 * Escrowed money goes back to the brand, on the charge it came in with: the provider's
 * refund, the payment's refunded part and the ledger's refund movement (escrow → refunds),
 * in the caller's transaction. Used by termination, by a dispute resolved for the brand
 * (all of it) or split (part of it, the rest then released to the creator), and for a
 * charge that lands after its payment was cancelled.
 *
 * The provider's idempotency key is the payment's, so a retried transaction reaches the
 * same refund: a payment's money goes back once.
 */
import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { PartnershipPayment } from "../generated/prisma/client";
import { getPaymentProvider } from "../payments/payment-provider";
import { recordLedgerMovement } from "./record-ledger-movement";
import { transition } from "./transitions";

export interface RefundToBrandOptions {
  payment: PartnershipPayment;
  /** Part of the payment, for a split; the rest must then be released with releaseToCreator. All of it if omitted. */
  amountMinor?: bigint;
  at: Date;
}

export const refundIdempotencyKey = (paymentId: string) => `refund_${paymentId}`;

/**
 * Refunds a funded (in_progress) payment, or a cancelled one whose charge landed anyway.
 * A whole refund moves the payment to refunded; a partial one leaves it in_progress for
 * the release of the rest.
 */
export async function refundToBrand(tx: DbTx, options: RefundToBrandOptions): Promise<PartnershipPayment> {
  const { payment, at } = options;
  const amountMinor = options.amountMinor ?? payment.amountMinor;
  if (amountMinor <= 0n || amountMinor > payment.amountMinor)
    throw new Error(`A refund of ${amountMinor} is outside payment ${payment.id}`);
  if (!payment.providerPaymentIntent) throw new AppError("invalid_state", "Payment has no charge to refund");
  const whole = amountMinor === payment.amountMinor;
  if (whole) {
    await transition(tx, "payment", payment.id, "refunded", { from: ["in_progress", "cancelled"], message: "Payment cannot be refunded" });
  } else {
    // A part is refunded only once, from escrow; the conditional update is the guard.
    const claimed = await tx.partnershipPayment.updateMany({
      where: { id: payment.id, status: "in_progress", refundedMinor: 0n },
      data: { refundedMinor: amountMinor },
    });
    if (claimed.count !== 1) throw new AppError("invalid_state", "Payment cannot be refunded");
  }
  const { providerRefund } = await getPaymentProvider().refundCharge({
    providerPaymentIntent: payment.providerPaymentIntent,
    amountMinor,
    currency: payment.currency,
    paymentId: payment.id,
    idempotencyKey: refundIdempotencyKey(payment.id),
  });
  const refunded = await tx.partnershipPayment.update({
    where: { id: payment.id },
    data: { refundedMinor: amountMinor, providerRefund, refundedAt: at },
  });
  await recordLedgerMovement(tx, { movement: "refund", payment, amountMinor, at });
  return refunded;
}
