/** The creator submits a deliverable (again, after a revision request) for the brand to review. */
import { requireSide } from "./access";
import type { DeliverableItem } from "./schemas/deliverables";
import { actOnDeliverable, type DeliverableTarget } from "./deliverable-access";
import { logActivity } from "./log-activity";
import { transition } from "./transitions";

export interface SubmitDeliverableOptions extends DeliverableTarget {
  submissionUrl: string;
  notes?: string;
}

export async function submitDeliverable(options: SubmitDeliverableOptions): Promise<DeliverableItem> {
  return actOnDeliverable(options, async (tx, { side, deliverable }) => {
    requireSide(side, "creator", "submit deliverables");
    await transition(tx, "deliverable", deliverable.id, "submitted", {
      message: `Cannot submit a deliverable that is ${deliverable.status}`,
    });
    const at = new Date();
    // Feedback belongs to the previous submission; the brand answers this one afresh.
    await tx.deliverable.update({
      where: { id: deliverable.id },
      data: { submissionUrl: options.submissionUrl, notes: options.notes ?? null, feedback: null, submittedAt: at },
    });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_submitted",
      description: `${options.actor.name} submitted "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id, submissionUrl: options.submissionUrl, resubmission: deliverable.status === "in_progress" },
      at,
    });
  });
}
