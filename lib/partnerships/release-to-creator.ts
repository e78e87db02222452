/**
 * Money held in escrow goes to the creator: the payment moves in_progress → completed, the
 * ledger records the release (escrow → creator payable) and the payment's payout is created
 * pending with its job queued, all in the caller's transaction. The one path for every release:
 * the brand's, a dispute resolved for the creator, and termination's release of approved work.
 *
 * Nothing is sent to a provider here: the payout job pays the creator afterwards
 * (lib/payouts/process-payout.ts), retrying until it is paid. A creator who has not chosen how to
 * be paid is not a reason to refuse the brand's release: the money waits in creator payable, and
 * the payout is created when the creator chooses (lib/payouts/create-payout.ts).
 */
import type { DbTx } from "../db";
import type { PartnershipPayment } from "../generated/prisma/client";
import { createPayout } from "../payouts/create-payout";
import { paymentDeliverablesInclude } from "./payment-view";
import { recordLedgerMovement } from "./record-ledger-movement";
import { transition } from "./transitions";
import { paymentReleased } from "../events/partnership-events";

export interface ReleaseToCreatorOptions {
  payment: PartnershipPayment;
  creatorId: string;
  /** What goes to the creator when a dispute split the payment; the rest of it must already be refunded. */
  amountMinor?: bigint;
  at: Date;
}

export async function releaseToCreator(tx: DbTx, options: ReleaseToCreatorOptions): Promise<PartnershipPayment> {
  const { payment, at } = options;
  const amountMinor = options.amountMinor ?? payment.amountMinor;
  await transition(tx, "payment", payment.id, "completed", { from: ["in_progress"], message: "Payment already released" });
  await tx.partnershipPayment.update({ where: { id: payment.id }, data: { paidAt: at } });
  await recordLedgerMovement(tx, { movement: "release", payment, amountMinor, at });
  await createPayout(tx, { payment, creatorId: options.creatorId, amountMinor });
  await paymentReleased(tx, { partnershipId: payment.partnershipId, paymentId: payment.id, amountMinor, currency: payment.currency, at });
  // With its deliverables and new payout, so the release's response shows them.
  return tx.partnershipPayment.findUniqueOrThrow({ where: { id: payment.id }, include: paymentDeliverablesInclude });
}
