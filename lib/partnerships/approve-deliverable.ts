/** The brand approves a submitted deliverable; the last approval can complete the partnership. */
import type { DbTx } from "../db";
import type { Deliverable } from "../generated/prisma/client";
import { requireSide } from "./access";
import { completePartnershipIfDone } from "./complete-partnership";
import { requireNoOpenDeliverableDispute } from "./dispute-freeze";
import type { DeliverableItem } from "./schemas/deliverables";
import { actOnDeliverable, type DeliverableTarget } from "./deliverable-access";
import { logActivity } from "./log-activity";
import { transition } from "./transitions";
import { answerLatestVersion } from "./deliverable-versions";
import { deliverableApproved } from "../events/partnership-events";

export interface ApproveDeliverableOptions extends DeliverableTarget {
  feedback?: string;
}

export async function approveDeliverable(options: ApproveDeliverableOptions): Promise<DeliverableItem> {
  return actOnDeliverable(options, async (tx, { side, deliverable }) => {
    requireSide(side, "brand", "approve deliverables");
    await requireNoOpenDeliverableDispute(tx, { deliverableId: deliverable.id });
    await applyDeliverableApproval(tx, {
      deliverable,
      feedback: options.feedback,
      at: new Date(),
      by: { kind: "brand", userId: options.actor.id, name: options.actor.name },
    });
  });
}

export interface ApplyDeliverableApprovalOptions {
  deliverable: Pick<Deliverable, "id" | "partnershipId" | "description" | "status">;
  feedback?: string;
  at: Date;
  /** The brand's own review, or the review window running out (`days` long). */
  by: { kind: "brand"; userId: string; name: string } | { kind: "review_window"; days: number };
}

/**
 * Approval inside the caller's transaction, shared by the brand's approval and the automatic
 * one. The move from `submitted` is conditional, so when both happen at once only one applies
 * and the other gets 409 with nothing changed.
 */
export async function applyDeliverableApproval(tx: DbTx, options: ApplyDeliverableApprovalOptions): Promise<void> {
  const { deliverable, at, by } = options;
  await transition(tx, "deliverable", deliverable.id, "approved", {
    from: ["submitted"],
    message: `Cannot approve a deliverable that is ${deliverable.status}`,
  });
  await tx.deliverable.update({
    where: { id: deliverable.id },
    data: { approvedAt: at, feedback: options.feedback ?? null, reviewDeadlineAt: null, autoApproved: by.kind === "review_window" },
  });
  const userId = by.kind === "brand" ? by.userId : null;
  await answerLatestVersion(tx, {
    deliverableId: deliverable.id,
    outcome: "approved",
    feedback: options.feedback ?? null,
    reviewedById: userId,
    at,
  });
  await logActivity(tx, {
    partnershipId: deliverable.partnershipId,
    userId,
    ...(by.kind === "brand"
      ? { type: "deliverable_approved", description: `${by.name} approved "${deliverable.description}"` }
      : {
          type: "deliverable_auto_approved",
          description: `"${deliverable.description}" approved automatically: the brand did not review it within ${by.days} ${by.days === 1 ? "day" : "days"}`,
        }),
    metadata: { deliverableId: deliverable.id },
    at,
  });
  await deliverableApproved(tx, { deliverableId: deliverable.id, automatically: by.kind === "review_window", at });
  await completePartnershipIfDone(tx, { partnershipId: deliverable.partnershipId, userId, at });
}
