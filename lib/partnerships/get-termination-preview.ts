/**
 * What ending the partnership now would do with its money, for the confirm step of "End
 * partnership": computed by the same plan termination applies (apply-termination.ts).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { partnershipForParty } from "./access";
import { planTermination, type TerminationStep } from "./apply-termination";

export interface GetTerminationPreviewOptions {
  actor: Actor;
  partnershipId: string;
}

export interface TerminationPreview {
  currency: string;
  /** Per step, how many payments and how much money (major units). */
  refunded: { count: number; amount: number };
  released: { count: number; amount: number };
  cancelled: { count: number; amount: number };
  /** Deliverables not approved, which termination rejects. */
  unfinishedDeliverables: number;
  /** Termination is refused while any is open. */
  openDisputes: number;
}

export async function getTerminationPreview(options: GetTerminationPreviewOptions): Promise<TerminationPreview> {
  const db = getDb();
  const { partnership } = await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const plan = await planTermination(db, partnership.id);
  const total = (step: TerminationStep) => {
    const payments = plan.payments.filter((entry) => entry.step === step);
    return { count: payments.length, amount: toMajor(payments.reduce((sum, entry) => sum + entry.payment.amountMinor, 0n)) };
  };
  const unfinishedDeliverables = await db.deliverable.count({
    where: { partnershipId: partnership.id, status: { in: ["pending", "in_progress", "submitted"] } },
  });
  const openDisputes = await db.dispute.count({ where: { partnershipId: partnership.id, status: "open" } });
  return {
    currency: partnership.currency,
    refunded: total("refund"),
    released: total("release"),
    cancelled: total("cancel"),
    unfinishedDeliverables,
    openDisputes,
  };
}
