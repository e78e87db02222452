/** The creator submits a deliverable (again, after a revision request) for the brand to review. */
import { AppError } from "../errors";
import { requireSide } from "./access";
import type { DeliverableItem } from "./schemas/deliverables";
import { actOnDeliverable, type DeliverableTarget } from "./deliverable-access";
import { logActivity } from "./log-activity";
import { startReviewWindow } from "./review-deadline";
import { transition } from "./transitions";
import { deliverableSubmitted } from "../events/partnership-events";

export interface SubmitDeliverableOptions extends DeliverableTarget {
  submissionUrl: string;
  notes?: string;
}

export async function submitDeliverable(options: SubmitDeliverableOptions): Promise<DeliverableItem> {
  return actOnDeliverable(options, async (tx, { side, deliverable }) => {
    requireSide(side, "creator", "submit deliverables");
    // No work is delivered under a contract that is not in force yet.
    const contract = await tx.contract.findUnique({ where: { partnershipId: deliverable.partnershipId }, select: { status: true } });
    if (contract?.status !== "active") {
      throw new AppError("invalid_state", "Deliverables can be submitted only once the contract is signed by both parties", {
        contractStatus: contract?.status ?? null,
      });
    }
    await transition(tx, "deliverable", deliverable.id, "submitted", {
      message: `Cannot submit a deliverable that is ${deliverable.status}`,
    });
    const at = new Date();
    // Feedback belongs to the previous submission; the brand answers this one afresh.
    await tx.deliverable.update({
      where: { id: deliverable.id },
      data: { submissionUrl: options.submissionUrl, notes: options.notes ?? null, feedback: null, submittedAt: at },
    });
    await startReviewWindow(tx, { deliverableId: deliverable.id, partnershipId: deliverable.partnershipId, submittedAt: at });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_submitted",
      description: `${options.actor.name} submitted "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id, submissionUrl: options.submissionUrl, resubmission: deliverable.status === "in_progress" },
      at,
    });
    await deliverableSubmitted(tx, { deliverableId: deliverable.id, at });
  });
}
