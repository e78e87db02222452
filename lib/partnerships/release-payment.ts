import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { partnershipForParty, requireSide } from "./access";
import { completePartnershipIfDone } from "./complete-partnership";
import { requireNoOpenDispute } from "./dispute-freeze";
import { releaseBlockersOf } from "./get-release-blockers";
import { logActivity } from "./log-activity";
import { releaseToCreator } from "./release-to-creator";
import type { PaymentResponse } from "./schemas/payments";
import { describeMoney, paymentOf, paymentResponseIn, requirePayingPartnership } from "./payment-view";

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
 * approved (release-to-creator.ts moves the money). The status moves first, inside the
 * transaction: concurrent releases queue on the row and all but one find it completed.
 */
export async function releasePayment(options: ReleasePaymentOptions): Promise<PaymentResponse> {
  const { actor, partnershipId, paymentId } = options;
  return getDb().$transaction(async (tx) => {
    // The partnership lock orders a release after a dispute being opened, or a termination, at the same moment.
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "finance" });
    requireSide(side, "brand", "release payments");
    const payment = await paymentOf(tx, partnershipId, paymentId);
    requirePayingPartnership(partnership);
    if (payment.status !== "in_progress") {
      throw new AppError("invalid_state", RELEASE_REFUSAL[payment.status] ?? `Cannot release a ${payment.status} payment`, {
        status: payment.status,
      });
    }
    await requireNoOpenDispute(tx, { paymentId, partnershipId });
    // One statement at a time: a transaction is one connection.
    const blockers = await releaseBlockersOf(tx, [paymentId]);
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
    const paidAt = new Date();
    const released = await releaseToCreator(tx, { payment, creatorId: partnership.creatorId, at: paidAt });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "payment_released",
      description: `${describeMoney(payment.amountMinor, payment.currency)} released to the creator`,
      metadata: { paymentId, transfer: released.providerTransfer },
      at: paidAt,
    });
    await completePartnershipIfDone(tx, { partnershipId, userId: actor.id, at: paidAt });
    return paymentResponseIn(tx, released);
  });
}
