/** The brand sends a submitted deliverable back to the creator with feedback. */
import { requireSide } from "./access";
import type { DeliverableItem } from "./schemas/deliverables";
import { requireNoOpenDeliverableDispute } from "./dispute-freeze";
import { actOnDeliverable, type DeliverableTarget } from "./deliverable-access";
import { logActivity } from "./log-activity";
import { transition } from "./transitions";
import { answerLatestVersion } from "./deliverable-versions";

export interface RequestRevisionOptions extends DeliverableTarget {
  feedback: string;
}

export async function requestRevision(options: RequestRevisionOptions): Promise<DeliverableItem> {
  return actOnDeliverable(options, async (tx, { side, deliverable }) => {
    requireSide(side, "brand", "request revisions");
    await requireNoOpenDeliverableDispute(tx, { deliverableId: deliverable.id });
    await transition(tx, "deliverable", deliverable.id, "in_progress", {
      from: ["submitted"],
      message: `Cannot request a revision of a deliverable that is ${deliverable.status}`,
    });
    const at = new Date();
    await tx.deliverable.update({
      where: { id: deliverable.id },
      data: { feedback: options.feedback, revisionCount: { increment: 1 }, reviewDeadlineAt: null },
    });
    await answerLatestVersion(tx, {
      deliverableId: deliverable.id,
      outcome: "changes_requested",
      feedback: options.feedback,
      reviewedById: options.actor.id,
      at,
    });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_revision_requested",
      description: `${options.actor.name} requested changes to "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id, feedback: options.feedback },
      at,
    });
  });
}
