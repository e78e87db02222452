/**
 * What ending a partnership does, inside the caller's transaction (the caller holds the
 * partnership's row lock): payments not yet funded are cancelled; funded payments whose
 * covered deliverables are all approved go to the creator, the other funded payments
 * back to the brand; deliverables not approved are rejected; the contract and the
 * partnership are terminated. Each step is a guarded transition, so a second
 * termination cannot apply any of it again.
 *
 * A partnership with an open dispute is not terminated: the dispute decides where its
 * money goes, so it is resolved first (409).
 */
import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { PartnershipPayment } from "../generated/prisma/client";
import { releaseBlockersOf } from "./get-release-blockers";
import { logActivity } from "./log-activity";
import { describeMoney } from "./payment-view";
import { refundToBrand } from "./refund-payment";
import { releaseToCreator } from "./release-to-creator";
import { transition } from "./transitions";

export interface ApplyTerminationOptions {
  partnershipId: string;
  /** Who ended it; null when the platform did. */
  actorId: string | null;
  reason: string;
  at: Date;
}

export type TerminationStep = "cancel" | "release" | "refund";

/** What termination would do with each payment that is still open, in plan order. */
export interface TerminationPlan {
  payments: Array<{ payment: PartnershipPayment; step: TerminationStep }>;
}

/** The payments termination touches and what happens to each; the preview and termination itself share it. */
export async function planTermination(tx: DbTx, partnershipId: string): Promise<TerminationPlan> {
  const open = await tx.partnershipPayment.findMany({
    where: { partnershipId, status: { in: ["pending", "failed", "in_progress"] } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const blockers = await releaseBlockersOf(
    tx,
    open.filter((payment) => payment.status === "in_progress").map((payment) => payment.id),
  );
  return {
    payments: open.map((payment) => ({
      payment,
      step: payment.status !== "in_progress" ? "cancel" : blockers[payment.id] ? "refund" : "release",
    })),
  };
}

/** Refuses termination while a dispute is open on the partnership. */
export async function requireNoOpenDisputes(tx: DbTx, partnershipId: string): Promise<void> {
  const open = await tx.dispute.count({ where: { partnershipId, status: "open" } });
  if (open > 0)
    throw new AppError("invalid_state", "A dispute is open on this partnership: resolve the dispute first", { openDisputes: open });
}

export async function applyTermination(tx: DbTx, options: ApplyTerminationOptions): Promise<void> {
  const { partnershipId, actorId, reason, at } = options;
  const partnership = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
  if (partnership.status === "terminated") return;
  if (partnership.status !== "active")
    throw new AppError("invalid_state", `Partnership is ${partnership.status}`, { partnershipStatus: partnership.status });
  await requireNoOpenDisputes(tx, partnershipId);

  // The payments' rows too: a charge landing meanwhile waits, then finds its payment cancelled and refunds it.
  await tx.$queryRaw`SELECT id FROM partnership_payments WHERE partnership_id = ${partnershipId}::uuid ORDER BY id FOR UPDATE`;
  // Payments first: whether funded money goes to the creator depends on the deliverables' approvals, which rejection below ends.
  const plan = await planTermination(tx, partnershipId);
  for (const { payment, step } of plan.payments) {
    const money = describeMoney(payment.amountMinor, payment.currency);
    if (step === "cancel") {
      await transition(tx, "payment", payment.id, "cancelled", { from: ["pending", "failed"] });
      await tx.partnershipPayment.update({ where: { id: payment.id }, data: { cancelledAt: at } });
      await logActivity(tx, {
        partnershipId,
        userId: actorId,
        type: "payment_cancelled",
        description: `${money} payment cancelled: the partnership was terminated`,
        metadata: { paymentId: payment.id },
        at,
      });
    } else if (step === "release") {
      const released = await releaseToCreator(tx, { payment, creatorId: partnership.creatorId, at });
      await logActivity(tx, {
        partnershipId,
        userId: actorId,
        type: "payment_released",
        description: `${money} released to the creator for approved work: the partnership was terminated`,
        metadata: { paymentId: payment.id, transfer: released.providerTransfer },
        at,
      });
    } else {
      const refunded = await refundToBrand(tx, { payment, at });
      await logActivity(tx, {
        partnershipId,
        userId: actorId,
        type: "payment_refunded",
        description: `${money} refunded to the brand: the partnership was terminated`,
        metadata: { paymentId: payment.id, refund: refunded.providerRefund },
        at,
      });
    }
  }

  const unfinished = await tx.deliverable.findMany({
    where: { partnershipId, status: { in: ["pending", "in_progress", "submitted"] } },
    select: { id: true },
    orderBy: { position: "asc" },
  });
  for (const deliverable of unfinished) {
    await transition(tx, "deliverable", deliverable.id, "rejected");
    await tx.deliverable.update({
      where: { id: deliverable.id },
      data: { feedback: `Partnership terminated: ${reason}`, reviewDeadlineAt: null, reviewPausedAt: null },
    });
  }

  const contract = await tx.contract.findUnique({ where: { partnershipId }, select: { id: true, status: true } });
  if (contract && contract.status !== "terminated") {
    await transition(tx, "contract", contract.id, "terminated");
    await tx.contract.update({ where: { id: contract.id }, data: { terminatedAt: at } });
  }

  await transition(tx, "partnership", partnershipId, "terminated", { from: ["active"] });
  await tx.partnership.update({
    where: { id: partnershipId },
    data: { terminatedAt: at, terminationReason: reason, terminatedById: actorId },
  });
  await logActivity(tx, {
    partnershipId,
    userId: actorId,
    type: "partnership_terminated",
    description: `Partnership terminated: ${reason}`,
    metadata: {
      reason,
      cancelledPayments: plan.payments.filter((entry) => entry.step === "cancel").length,
      releasedPayments: plan.payments.filter((entry) => entry.step === "release").length,
      refundedPayments: plan.payments.filter((entry) => entry.step === "refund").length,
      rejectedDeliverables: unfinished.length,
    },
    at,
  });
}
