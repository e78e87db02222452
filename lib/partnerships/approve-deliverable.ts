/** The brand approves a submitted deliverable; the last approval can complete the partnership. */
import { requireSide } from "./access";
import { completePartnershipIfDone } from "./complete-partnership";
import type { DeliverableItem } from "./schemas/deliverables";
import { actOnDeliverable, type DeliverableTarget } from "./deliverable-access";
import { logActivity } from "./log-activity";
import { transition } from "./transitions";

export interface ApproveDeliverableOptions extends DeliverableTarget {
  feedback?: string;
}

export async function approveDeliverable(options: ApproveDeliverableOptions): Promise<DeliverableItem> {
  return actOnDeliverable(options, async (tx, { side, deliverable }) => {
    requireSide(side, "brand", "approve deliverables");
    await transition(tx, "deliverable", deliverable.id, "approved", {
      message: `Cannot approve a deliverable that is ${deliverable.status}`,
    });
    const at = new Date();
    await tx.deliverable.update({ where: { id: deliverable.id }, data: { approvedAt: at, feedback: options.feedback ?? null } });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_approved",
      description: `${options.actor.name} approved "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id },
      at,
    });
    await completePartnershipIfDone(tx, { partnershipId: deliverable.partnershipId, userId: options.actor.id, at });
  });
}
