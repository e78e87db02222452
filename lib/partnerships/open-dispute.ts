/**
 * Either party disputes a deliverable or a payment of an active partnership. From then
 * until an admin resolves it, the money it is about stays in escrow (dispute-freeze.ts)
 * and a disputed deliverable's review clock stops (review_paused_at).
 *
 * What can be disputed: a payment not yet settled (pending, failed or funded), and a
 * deliverable not yet rejected that still has something to decide, that is, one not
 * approved, or approved with a covering payment still in escrow.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { partnershipForParty, requireActivePartnership } from "./access";
import { disputeInclude, toDisputeResponse } from "./dispute-view";
import { logActivity } from "./log-activity";
import { describeMoney } from "./payment-view";
import type { DisputeResponse, OpenDisputeBody } from "./schemas/disputes";
import { disputeOpened } from "../events/partnership-events";

export interface OpenDisputeOptions extends OpenDisputeBody {
  actor: Actor;
  partnershipId: string;
}

const SETTLED_PAYMENT: Record<string, string> = {
  completed: "Payment was already released",
  cancelled: "Payment was cancelled",
  refunded: "Payment was already refunded",
};

export async function openDispute(options: OpenDisputeOptions): Promise<DisputeResponse> {
  const { actor, partnershipId } = options;
  return getDb().$transaction(async (tx) => {
    // The lock orders disputes with termination and with each other: one open dispute per subject.
    const { partnership } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "work" });
    let subject: string;
    let fundedMinor = 0n;
    if (options.paymentId) {
      const payment = await findOrNotFound("Payment", options.paymentId, (id) =>
        tx.partnershipPayment.findFirst({ where: { id, partnershipId } }),
      );
      requireActivePartnership(partnership.status);
      const settled = SETTLED_PAYMENT[payment.status];
      if (settled) throw new AppError("invalid_state", settled, { status: payment.status });
      subject = `the ${payment.type} payment of ${describeMoney(payment.amountMinor, payment.currency)}`;
      if (payment.status === "in_progress") fundedMinor = payment.amountMinor;
    } else {
      const deliverable = await findOrNotFound("Deliverable", options.deliverableId!, (id) =>
        tx.deliverable.findFirst({ where: { id, partnershipId } }),
      );
      requireActivePartnership(partnership.status);
      if (deliverable.status === "rejected")
        throw new AppError("invalid_state", "Deliverable was rejected", { status: deliverable.status });
      const funded = await tx.partnershipPayment.findMany({
        where: { partnershipId, status: "in_progress", deliverables: { some: { deliverableId: deliverable.id } } },
        select: { amountMinor: true },
      });
      fundedMinor = funded.reduce((sum, payment) => sum + payment.amountMinor, 0n);
      if (deliverable.status === "approved" && funded.length === 0) {
        throw new AppError("invalid_state", "Deliverable is approved and no payment for it is held in escrow", {
          status: deliverable.status,
        });
      }
      subject = `"${deliverable.description}"`;
    }
    const existing = await tx.dispute.findFirst({
      where: { status: "open", ...(options.paymentId ? { paymentId: options.paymentId } : { deliverableId: options.deliverableId }) },
      select: { id: true },
    });
    if (existing) throw new AppError("invalid_state", "A dispute is already open on this", { disputeId: existing.id });

    const at = new Date();
    const dispute = await tx.dispute.create({
      data: {
        partnershipId,
        deliverableId: options.deliverableId ?? null,
        paymentId: options.paymentId ?? null,
        openedById: actor.id,
        reason: options.reason,
        evidenceUrls: options.evidenceUrls ?? [],
        createdAt: at,
      },
      include: disputeInclude,
    });
    if (options.deliverableId) {
      // The review clock stops; resolution restarts it where it stood.
      await tx.deliverable.updateMany({ where: { id: options.deliverableId, reviewPausedAt: null }, data: { reviewPausedAt: at } });
    }
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "dispute_opened",
      description: `${actor.name} opened a dispute on ${subject}: ${options.reason}`,
      metadata: {
        disputeId: dispute.id,
        ...(options.deliverableId ? { deliverableId: options.deliverableId } : { paymentId: options.paymentId! }),
        reason: options.reason,
      },
      at,
    });
    await disputeOpened(tx, {
      partnershipId,
      disputeId: dispute.id,
      openedBy: actor.partyId === partnership.brandId ? "brand" : "creator",
      reason: options.reason,
      at,
    });
    return toDisputeResponse(dispute, fundedMinor);
  });
}
