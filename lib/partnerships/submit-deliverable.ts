/**
 * The creator submits a deliverable (again, after a revision request) for the brand to review:
 * a link, files, or both, which become the deliverable's next version.
 */
import { getDb } from "../db";
import { AppError } from "../errors";
import { checkUploads, type IncomingFile } from "../uploads/check-upload";
import { removeFiles, storeFiles } from "../uploads/store-files";
import { requireSide } from "./access";
import type { DeliverableItem } from "./schemas/deliverables";
import { actOnDeliverable, deliverableForParty, type DeliverableTarget } from "./deliverable-access";
import { addVersion } from "./deliverable-versions";
import { logActivity } from "./log-activity";
import { startReviewWindow } from "./review-deadline";
import { transition } from "./transitions";
import { deliverableSubmitted } from "../events/partnership-events";

export interface SubmitDeliverableOptions extends DeliverableTarget {
  submissionUrl?: string | null;
  notes?: string;
  files?: IncomingFile[];
}

export async function submitDeliverable(options: SubmitDeliverableOptions): Promise<DeliverableItem> {
  const link = options.submissionUrl || null;
  const files = await checkUploads(options.files ?? []);
  if (!link && files.length === 0) {
    const message = "Give a link or attach at least one file";
    throw new AppError("validation_failed", message, { fields: [{ path: "submissionUrl", message, type: "required" }] });
  }
  // Nothing is stored for someone who may not submit here; the transaction checks again under its lock.
  if (files.length > 0) {
    const { side } = await deliverableForParty(getDb(), options, { permission: "work" });
    requireSide(side, "creator", "submit deliverables");
  }
  const stored = await storeFiles(`deliverables/${options.partnershipId}`, files);
  try {
    return await actOnDeliverable(options, async (tx, { side, deliverable }) => {
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
      // Feedback belongs to the previous version; the brand answers this one afresh.
      await tx.deliverable.update({
        where: { id: deliverable.id },
        data: { submissionUrl: link, notes: options.notes ?? null, feedback: null, submittedAt: at },
      });
      const version = await addVersion(tx, {
        deliverableId: deliverable.id,
        submittedById: options.actor.id,
        link,
        notes: options.notes ?? null,
        files: stored,
        at,
      });
      await startReviewWindow(tx, { deliverableId: deliverable.id, partnershipId: deliverable.partnershipId, submittedAt: at });
      await logActivity(tx, {
        partnershipId: deliverable.partnershipId,
        userId: options.actor.id,
        type: "deliverable_submitted",
        description: `${options.actor.name} submitted version ${version.number} of "${deliverable.description}"`,
        metadata: {
          deliverableId: deliverable.id,
          version: version.number,
          submissionUrl: link,
          files: stored.map((f) => f.fileName),
          resubmission: deliverable.status === "in_progress",
        },
        at,
      });
      await deliverableSubmitted(tx, { deliverableId: deliverable.id, at });
    });
  } catch (error) {
    await removeFiles(stored);
    throw error;
  }
}
