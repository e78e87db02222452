/**
 * An open dispute freezes what it is about until an admin resolves it: the release of
 * the disputed payment, or of any payment covering the disputed deliverable, and the
 * brand's review of a disputed deliverable. The review-deadline job skips disputed
 * deliverables itself (their review_paused_at is set).
 */
import type { DbTx } from "../db";
import { AppError } from "../errors";

/** 409 while a dispute is open on the payment or on a deliverable it covers. */
export async function requireNoOpenDispute(tx: DbTx, options: { paymentId: string; partnershipId: string }): Promise<void> {
  const open = await tx.dispute.findFirst({
    where: {
      partnershipId: options.partnershipId,
      status: "open",
      OR: [{ paymentId: options.paymentId }, { deliverable: { payments: { some: { paymentId: options.paymentId } } } }],
    },
    select: { id: true },
  });
  if (open) throw new AppError("invalid_state", "A dispute is open on this payment", { disputeId: open.id });
}

/** 409 while a dispute is open on the deliverable. */
export async function requireNoOpenDeliverableDispute(tx: DbTx, options: { deliverableId: string }): Promise<void> {
  const open = await tx.dispute.findFirst({ where: { deliverableId: options.deliverableId, status: "open" }, select: { id: true } });
  if (open) throw new AppError("invalid_state", "A dispute is open on this deliverable", { disputeId: open.id });
}
