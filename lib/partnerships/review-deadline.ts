/**
 * A submitted deliverable's review window: the brand has the contract's reviewWindowDays (5 days
 * without a contract) from submission to approve it or ask for changes; after that it is approved
 * automatically (auto-approve-deliverables.ts). The deadline is on the deliverable, so the sweep
 * finds it from the records alone; the job queued here is the on-time path to the same check.
 */
import type { DbTx } from "../db";
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";

export const DEFAULT_REVIEW_WINDOW_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function reviewWindowDays(tx: DbTx, partnershipId: string): Promise<number> {
  const contract = await tx.contract.findUnique({ where: { partnershipId }, select: { reviewWindowDays: true } });
  return contract?.reviewWindowDays ?? DEFAULT_REVIEW_WINDOW_DAYS;
}

/** Sets the deadline of a submission made at `submittedAt` and queues its job; returns the deadline. */
export async function startReviewWindow(
  tx: DbTx,
  options: { deliverableId: string; partnershipId: string; submittedAt: Date },
): Promise<Date> {
  const days = await reviewWindowDays(tx, options.partnershipId);
  const deadline = new Date(options.submittedAt.getTime() + days * DAY_MS);
  await tx.deliverable.update({ where: { id: options.deliverableId }, data: { reviewDeadlineAt: deadline, autoApproved: false } });
  await enqueue(
    tx,
    QUEUES.reviewDeadline,
    { deliverableId: options.deliverableId },
    // One job per submission: a resubmission queues its own, and the old one finds nothing due.
    { startAfter: deadline, singletonKey: `${options.deliverableId}:${options.submittedAt.toISOString()}` },
  );
  return deadline;
}
