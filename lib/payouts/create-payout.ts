/**
 * The payout of released money: created pending, in the release's transaction, with the
 * creator's payout method as it is then, and its job queued in the same transaction (the payout
 * sweep queues any that were not). A creator who has not chosen how to be paid gets no payout
 * yet: the money stays in creator payable, and choosing a method creates the payout
 * (set-payout-method.ts). The brand's release is never refused for that.
 */
import type { DbTx } from "../db";
import type { Payout } from "../generated/prisma/client";
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";
import { payoutDestinationOf } from "./payout-destination";

export interface CreatePayoutOptions {
  payment: { id: string; partnershipId: string; currency: string };
  creatorId: string;
  amountMinor: bigint;
}

export async function createPayout(tx: DbTx, options: CreatePayoutOptions): Promise<Payout | null> {
  const target = await payoutDestinationOf(tx, options.creatorId);
  if (!target) return null;
  const payout = await tx.payout.create({
    data: {
      paymentId: options.payment.id,
      partnershipId: options.payment.partnershipId,
      creatorId: options.creatorId,
      method: target.method,
      destination: target.destination,
      amountMinor: options.amountMinor,
      currency: options.payment.currency,
      status: "pending",
    },
  });
  await queuePayout(tx, payout.id);
  return payout;
}

/** Queues a payout's job. Two jobs for one payout are harmless: each works under the payout's lock. */
export function queuePayout(tx: DbTx | null, payoutId: string, options: { startAfter?: Date; check?: boolean } = {}) {
  return enqueue(
    tx,
    QUEUES.payout,
    { payoutId, ...(options.check ? { check: true } : {}) },
    { singletonKey: payoutId, ...(options.startAfter ? { startAfter: options.startAfter } : {}) },
  );
}
