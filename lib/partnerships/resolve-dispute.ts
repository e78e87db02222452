/**
 * An admin decides an open dispute, and the escrowed money it is about moves accordingly
 * (dispute-view.ts `disputedFundedPayments` says which):
 *
 *   release  the funded payments go to the creator; for a deliverable, the deliverable is
 *            approved and only payments whose other covered deliverables are approved
 *            are released (the rest stay in escrow, released as usual later)
 *   refund   the funded payments go back to the brand; a disputed deliverable not
 *            approved is rejected
 *   split    creatorAmount goes to the creator and the rest back to the brand, across the
 *            funded payments in plan order (each payment: the refund of its part, then the
 *            release of the rest); a disputed deliverable is approved, its matter settled
 *
 * Nothing funded: release and refund still decide the deliverable; a split has nothing
 * to divide (409). The dispute moves open → resolved by a conditional update first, so a
 * second resolution changes nothing (409).
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { AppError } from "../errors";
import type { Deliverable, PartnershipPayment } from "../generated/prisma/client";
import { toMinor } from "../money";
import { completePartnershipIfDone } from "./complete-partnership";
import {
  disputedFundedPayments,
  disputeInclude,
  disputeOf,
  partnershipForPartyOrAdmin,
  requireAdmin,
  toDisputeResponse,
} from "./dispute-view";
import { releaseBlockersOf } from "./get-release-blockers";
import { logActivity } from "./log-activity";
import { describeMoney } from "./payment-view";
import { refundToBrand } from "./refund-payment";
import { releaseToCreator } from "./release-to-creator";
import type { DisputeResponse, ResolveDisputeBody } from "./schemas/disputes";
import { transition } from "./transitions";

export interface ResolveDisputeOptions extends ResolveDisputeBody {
  actor: Actor;
  partnershipId: string;
  disputeId: string;
}

export async function resolveDispute(options: ResolveDisputeOptions): Promise<DisputeResponse> {
  const { actor, partnershipId, disputeId, outcome, note } = options;
  requireAdmin(actor, "resolve disputes");
  return getDb().$transaction(async (tx) => {
    const partnership = await partnershipForPartyOrAdmin(tx, actor, partnershipId, { lock: true, permission: "read" });
    const dispute = await disputeOf(tx, partnership.id, disputeId);
    if (dispute.status !== "open") throw new AppError("invalid_state", "Dispute is already resolved", { status: dispute.status });
    const funded = await disputedFundedPayments(tx, dispute, { lock: true });
    const fundedMinor = funded.reduce((sum, payment) => sum + payment.amountMinor, 0n);
    const creatorShareMinor = outcome === "split" ? splitShare(options.creatorAmount!, fundedMinor, dispute.partnership.currency) : null;

    const at = new Date();
    const claimed = await tx.dispute.updateMany({
      where: { id: dispute.id, status: "open" },
      data: { status: "resolved", outcome, resolutionNote: note, resolvedById: actor.id, resolvedAt: at },
    });
    if (claimed.count !== 1) throw new AppError("invalid_state", "Dispute is already resolved");

    const context: Context = { tx, partnershipId, creatorId: partnership.creatorId, actorId: actor.id, disputeId, at };
    const deliverable = dispute.deliverableId ? await resumeReviewClock(tx, dispute.deliverableId, at) : null;
    let creatorMinor = 0n;
    let refundMinor = 0n;
    if (outcome === "release") {
      if (deliverable) await approveByDecision(context, deliverable, note);
      const blockers = deliverable
        ? await releaseBlockersOf(
            tx,
            funded.map((payment) => payment.id),
          )
        : {};
      for (const payment of funded) {
        if (blockers[payment.id]) continue;
        await release(context, payment, payment.amountMinor);
        creatorMinor += payment.amountMinor;
      }
    } else if (outcome === "refund") {
      for (const payment of funded) {
        await refund(context, payment, payment.amountMinor);
        refundMinor += payment.amountMinor;
      }
      if (deliverable && deliverable.status !== "approved") await rejectByDecision(context, deliverable, note);
    } else {
      let creatorLeft = creatorShareMinor!;
      for (const payment of funded) {
        const toCreator = creatorLeft < payment.amountMinor ? creatorLeft : payment.amountMinor;
        const toBrand = payment.amountMinor - toCreator;
        const afterRefund = toBrand > 0n ? await refund(context, payment, toBrand) : payment;
        if (toCreator > 0n) await release(context, afterRefund, toCreator);
        creatorLeft -= toCreator;
        creatorMinor += toCreator;
        refundMinor += toBrand;
      }
      if (deliverable) await approveByDecision(context, deliverable, note);
    }

    const resolved = await tx.dispute.update({
      where: { id: dispute.id },
      data: { creatorAmountMinor: creatorMinor, refundAmountMinor: refundMinor },
      include: disputeInclude,
    });
    const currency = dispute.partnership.currency;
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "dispute_resolved",
      description: `Dispute resolved (${outcome}): ${describeMoney(creatorMinor, currency)} to the creator, ${describeMoney(refundMinor, currency)} back to the brand. ${note}`,
      metadata: { disputeId, outcome, creatorAmountMinor: creatorMinor.toString(), refundAmountMinor: refundMinor.toString(), note },
      at,
    });
    await completePartnershipIfDone(tx, { partnershipId, userId: actor.id, at });
    return toDisputeResponse(resolved, 0n);
  });
}

interface Context {
  tx: DbTx;
  partnershipId: string;
  creatorId: string;
  actorId: string;
  disputeId: string;
  at: Date;
}

/** The creator's share of a split in minor units: more than nothing and less than the whole, else 400. */
function splitShare(creatorAmount: number, fundedMinor: bigint, currency: string): bigint {
  if (fundedMinor === 0n) throw new AppError("invalid_state", "Nothing disputed is held in escrow: there is nothing to split");
  const share = toMinor(creatorAmount);
  if (share <= 0n || share >= fundedMinor) {
    throw new AppError(
      "invalid_request",
      `creatorAmount must be more than 0 and less than the ${describeMoney(fundedMinor, currency)} in dispute`,
      {
        fields: [
          {
            path: "body.creatorAmount",
            message: `must be less than ${describeMoney(fundedMinor, currency)}`,
            type: "value_error.number.not_lt",
          },
        ],
      },
    );
  }
  return share;
}

/** Clears the dispute's pause of the review clock, moving the deadline on by the time it stood still. */
async function resumeReviewClock(tx: DbTx, deliverableId: string, at: Date): Promise<Deliverable> {
  const deliverable = await tx.deliverable.findUniqueOrThrow({ where: { id: deliverableId } });
  if (!deliverable.reviewPausedAt) return deliverable;
  const pausedMs = Math.max(0, at.getTime() - deliverable.reviewPausedAt.getTime());
  return tx.deliverable.update({
    where: { id: deliverableId },
    data: {
      reviewPausedAt: null,
      ...(deliverable.reviewDeadlineAt ? { reviewDeadlineAt: new Date(deliverable.reviewDeadlineAt.getTime() + pausedMs) } : {}),
    },
  });
}

/**
 * The admin's decision approves the deliverable whatever review step it stood at (pending,
 * in progress or submitted), the decision standing in for the review.
 */
async function approveByDecision(context: Context, deliverable: Deliverable, note: string): Promise<void> {
  const { tx, at } = context;
  if (deliverable.status === "approved") return;
  await transition(tx, "deliverable", deliverable.id, "approved", {
    message: `Cannot approve a deliverable that is ${deliverable.status}`,
  });
  await tx.deliverable.update({ where: { id: deliverable.id }, data: { approvedAt: at, reviewDeadlineAt: null } });
  await logActivity(tx, {
    partnershipId: context.partnershipId,
    userId: context.actorId,
    type: "deliverable_approved",
    description: `"${deliverable.description}" approved by the dispute's resolution: ${note}`,
    metadata: { deliverableId: deliverable.id, disputeId: context.disputeId },
    at,
  });
}

async function rejectByDecision(context: Context, deliverable: Deliverable, note: string): Promise<void> {
  const { tx, at } = context;
  await transition(tx, "deliverable", deliverable.id, "rejected");
  await tx.deliverable.update({
    where: { id: deliverable.id },
    data: { feedback: `Dispute resolved for the brand: ${note}`, reviewDeadlineAt: null },
  });
  await logActivity(tx, {
    partnershipId: context.partnershipId,
    userId: context.actorId,
    type: "deliverable_rejected",
    description: `"${deliverable.description}" rejected by the dispute's resolution: ${note}`,
    metadata: { deliverableId: deliverable.id, disputeId: context.disputeId },
    at,
  });
}

async function release(context: Context, payment: PartnershipPayment, amountMinor: bigint): Promise<void> {
  const released = await releaseToCreator(context.tx, {
    payment,
    creatorId: context.creatorId,
    ...(amountMinor === payment.amountMinor ? {} : { amountMinor }),
    at: context.at,
  });
  await logActivity(context.tx, {
    partnershipId: context.partnershipId,
    userId: context.actorId,
    type: "payment_released",
    description: `${describeMoney(amountMinor, payment.currency)} released to the creator by the dispute's resolution`,
    metadata: { paymentId: payment.id, disputeId: context.disputeId, transfer: released.providerTransfer },
    at: context.at,
  });
}

async function refund(context: Context, payment: PartnershipPayment, amountMinor: bigint): Promise<PartnershipPayment> {
  const refunded = await refundToBrand(context.tx, { payment, amountMinor, at: context.at });
  await logActivity(context.tx, {
    partnershipId: context.partnershipId,
    userId: context.actorId,
    type: "payment_refunded",
    description: `${describeMoney(amountMinor, payment.currency)} refunded to the brand by the dispute's resolution`,
    metadata: { paymentId: payment.id, disputeId: context.disputeId, refund: refunded.providerRefund },
    at: context.at,
  });
  return refunded;
}
