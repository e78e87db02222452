/**
 * POST /partnerships/{id}/payments/{paymentId}/cancel: the brand cancels a payment that
 * holds no money, pending (even with a charge started but not funded) or failed. A
 * cancelled payment no longer keeps the partnership open, and its amount is free again
 * for a milestone (initiate-payment.ts). A charge that lands after the cancellation is
 * sent back to the brand where the charge is reported (mark-payment-funded.ts).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { partnershipForParty, requireSide } from "./access";
import { completePartnershipIfDone } from "./complete-partnership";
import { requireNoOpenDispute } from "./dispute-freeze";
import { logActivity } from "./log-activity";
import type { PaymentResponse } from "./schemas/payments";
import { describeMoney, paymentOf, paymentResponseIn, requirePayingPartnership } from "./payment-view";
import { transition } from "./transitions";

export interface CancelPaymentOptions {
  actor: Actor;
  partnershipId: string;
  paymentId: string;
  reason?: string;
}

const CANCEL_REFUSAL: Record<string, string> = {
  in_progress: "The payment is held in escrow; it can be released or refunded, not cancelled",
  completed: "The payment has been released to the creator",
  cancelled: "The payment is already cancelled",
  refunded: "The payment has been refunded",
};

export async function cancelPayment(options: CancelPaymentOptions): Promise<PaymentResponse> {
  const { actor, partnershipId, paymentId, reason } = options;
  return getDb().$transaction(async (tx) => {
    // The partnership lock orders this after a concurrent initiation of the same payment.
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "finance" });
    requireSide(side, "brand", "cancel payments");
    const payment = await paymentOf(tx, partnershipId, paymentId);
    requirePayingPartnership(partnership);
    if (payment.status !== "pending" && payment.status !== "failed") {
      throw new AppError("invalid_state", CANCEL_REFUSAL[payment.status] ?? `Cannot cancel a ${payment.status} payment`, {
        entity: "payment",
        from: payment.status,
        to: "cancelled",
      });
    }
    // A dispute over the payment, or over work it pays for, is settled by an admin, not dodged by cancelling.
    await requireNoOpenDispute(tx, { paymentId, partnershipId });
    await transition(tx, "payment", paymentId, "cancelled", { from: ["pending", "failed"] });
    const cancelledAt = new Date();
    const cancelled = await tx.partnershipPayment.update({ where: { id: paymentId }, data: { cancelledAt } });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "payment_cancelled",
      description: `The brand cancelled the ${payment.type} payment of ${describeMoney(payment.amountMinor, payment.currency)}${reason ? `: ${reason}` : ""}`,
      metadata: {
        paymentId,
        amountMinor: Number(payment.amountMinor),
        currency: payment.currency,
        providerPaymentIntent: payment.providerPaymentIntent,
        ...(reason ? { reason } : {}),
      },
      at: cancelledAt,
    });
    await completePartnershipIfDone(tx, { partnershipId, userId: actor.id, at: cancelledAt });
    return paymentResponseIn(tx, cancelled);
  });
}
