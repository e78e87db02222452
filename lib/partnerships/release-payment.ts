import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { getPaymentProvider, transferGroupFor } from "../payments/payment-provider";
import { partnershipForParty, requireSide } from "./access";
import { completePartnershipIfDone } from "./complete-partnership";
import { releaseBlockersOf } from "./get-release-blockers";
import { logActivity } from "./log-activity";
import { recordLedgerMovement } from "./record-ledger-movement";
import type { PaymentResponse } from "./schemas/payments";
import { describeMoney, paymentOf, requirePayingPartnership, toPaymentResponse } from "./payment-view";
import { transition } from "./transitions";

export interface ReleasePaymentOptions {
  actor: Actor;
  partnershipId: string;
  paymentId: string;
}

const RELEASE_REFUSAL: Record<string, string> = {
  pending: "Payment has not been funded yet",
  completed: "Payment already released",
  failed: "Payment failed and has not been funded",
};

/**
 * Releases a funded payment to the creator once every deliverable it covers is
 * approved. The status moves first, inside the transaction, and the transfer is made
 * before it commits: concurrent releases queue on the row and all but one find it
 * completed, and a refused transfer rolls the release back.
 */
export async function releasePayment(options: ReleasePaymentOptions): Promise<PaymentResponse> {
  const { actor, partnershipId, paymentId } = options;
  return getDb().$transaction(async (tx) => {
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId);
    requireSide(side, "brand", "release payments");
    const payment = await paymentOf(tx, partnershipId, paymentId);
    requirePayingPartnership(partnership);
    if (payment.status !== "in_progress") {
      throw new AppError("invalid_state", RELEASE_REFUSAL[payment.status] ?? `Cannot release a ${payment.status} payment`, {
        status: payment.status,
      });
    }
    // One statement at a time: a transaction is one connection.
    const blockers = await releaseBlockersOf(tx, [paymentId]);
    const creator = await tx.creatorProfile.findUnique({ where: { userId: partnership.creatorId }, select: { stripeAccountId: true } });
    const blocker = blockers[paymentId];
    if (blocker) {
      throw new AppError(
        "invalid_state",
        `${blocker.openDeliverables} of ${blocker.coveredDeliverables} deliverables covered by this payment are not approved yet`,
        {
          pendingDeliverables: blocker.openDeliverables,
          totalDeliverables: blocker.coveredDeliverables,
        },
      );
    }
    if (!creator?.stripeAccountId) throw new AppError("invalid_state", "Creator has no payout account");

    await transition(tx, "payment", paymentId, "completed", { from: ["in_progress"], message: "Payment already released" });
    const { providerTransfer } = await getPaymentProvider().transferToCreator({
      amountMinor: payment.amountMinor,
      currency: payment.currency,
      destinationAccount: creator.stripeAccountId,
      transferGroup: transferGroupFor(partnershipId),
      paymentId,
      idempotencyKey: `release_${paymentId}`,
    });
    const paidAt = new Date();
    const released = await tx.partnershipPayment.update({ where: { id: paymentId }, data: { paidAt, providerTransfer } });
    await tx.payout.create({
      data: {
        paymentId,
        partnershipId,
        creatorId: partnership.creatorId,
        method: "stripe",
        destination: creator.stripeAccountId,
        amountMinor: payment.amountMinor,
        currency: payment.currency,
        status: "paid",
        attemptRef: `release_${paymentId}`,
        providerRef: providerTransfer,
        attempts: 1,
        requestedAt: paidAt,
        paidAt,
      },
    });
    // The transfer to the creator is made in the same step, so the release and the payout are recorded together.
    await recordLedgerMovement(tx, { movement: "release", payment, at: paidAt });
    await recordLedgerMovement(tx, { movement: "payout", payment, at: paidAt });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "payment_released",
      description: `${describeMoney(payment.amountMinor, payment.currency)} released to the creator`,
      metadata: { paymentId, transfer: providerTransfer },
      at: paidAt,
    });
    await completePartnershipIfDone(tx, { partnershipId, userId: actor.id, at: paidAt });
    return toPaymentResponse(released);
  });
}
