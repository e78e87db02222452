/**
 * Money held in escrow goes to the creator: the payment moves in_progress → completed,
 * the ledger records the release (escrow → creator payable) and the payment's payout is
 * created, all in the caller's transaction. The one path for every release: the brand's,
 * a dispute resolved for the creator, and termination's release of approved work.
 */
import type { DbTx } from "../db";
import type { PartnershipPayment } from "../generated/prisma/client";
import { AppError } from "../errors";
import { getPaymentProvider, transferGroupFor } from "../payments/payment-provider";
import { recordLedgerMovement } from "./record-ledger-movement";
import { transition } from "./transitions";

export interface ReleaseToCreatorOptions {
  payment: PartnershipPayment;
  creatorId: string;
  /** What goes to the creator when a dispute split the payment; the rest of it must already be refunded. */
  amountMinor?: bigint;
  at: Date;
}

export async function releaseToCreator(tx: DbTx, options: ReleaseToCreatorOptions): Promise<PartnershipPayment> {
  const { payment, at } = options;
  const amountMinor = options.amountMinor ?? payment.amountMinor;
  const creator = await tx.creatorProfile.findUnique({ where: { userId: options.creatorId }, select: { stripeAccountId: true } });
  if (!creator?.stripeAccountId) throw new AppError("invalid_state", "Creator has no payout account");
  await transition(tx, "payment", payment.id, "completed", { from: ["in_progress"], message: "Payment already released" });
  const { providerTransfer } = await getPaymentProvider().transferToCreator({
    amountMinor,
    currency: payment.currency,
    destinationAccount: creator.stripeAccountId,
    transferGroup: transferGroupFor(payment.partnershipId),
    paymentId: payment.id,
    idempotencyKey: `release_${payment.id}`,
  });
  const released = await tx.partnershipPayment.update({ where: { id: payment.id }, data: { paidAt: at, providerTransfer } });
  await recordLedgerMovement(tx, { movement: "release", payment, amountMinor, at });
  await tx.payout.create({
    data: {
      paymentId: payment.id,
      partnershipId: payment.partnershipId,
      creatorId: options.creatorId,
      method: "stripe",
      destination: creator.stripeAccountId,
      amountMinor,
      currency: payment.currency,
      status: "paid",
      attemptRef: `release_${payment.id}`,
      providerRef: providerTransfer,
      attempts: 1,
      requestedAt: at,
      paidAt: at,
    },
  });
  await recordLedgerMovement(tx, { movement: "payout", payment, amountMinor, at });
  return released;
}
