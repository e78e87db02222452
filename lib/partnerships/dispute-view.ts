/**
 * What the dispute services share: who may see a partnership's disputes (its two parties
 * and the platform's admins), which escrowed money a dispute decides over, and how a
 * dispute is shown.
 */
import type { Actor } from "../auth/actor";
import type { DbTx } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import type { Dispute, Partnership, PartnershipPayment } from "../generated/prisma/client";
import { toMajor } from "../money";
import { partnershipForParty, type PartyAccess } from "./access";
import { describeMoney } from "./payment-view";
import type { DisputeResponse, DisputeSummary } from "./schemas/disputes";

/** The partnership for one of its parties or an admin; 404 for anyone else. Locked on request. */
export async function partnershipForPartyOrAdmin(
  tx: DbTx,
  actor: Actor,
  partnershipId: string,
  options: PartyAccess,
): Promise<Partnership> {
  if (actor.role !== "admin") return (await partnershipForParty(tx, actor, partnershipId, options)).partnership;
  return findOrNotFound("Partnership", partnershipId, async (id) => {
    if (options.lock) await tx.$queryRaw`SELECT id FROM partnerships WHERE id = ${id}::uuid FOR UPDATE`;
    return tx.partnership.findUnique({ where: { id } });
  });
}

export function requireAdmin(actor: Actor, action: string): void {
  if (actor.role !== "admin") throw new AppError("insufficient_permissions", `Only the platform's admins can ${action}`);
}

export const disputeInclude = {
  deliverable: { select: { id: true, description: true } },
  payment: { select: { id: true, type: true, amountMinor: true, currency: true } },
  openedBy: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
  partnership: { select: { currency: true } },
} as const;

export type DisputeWithParts = Dispute & {
  deliverable: { id: string; description: string } | null;
  payment: { id: string; type: string; amountMinor: bigint; currency: string } | null;
  openedBy: { id: string; name: string };
  resolvedBy: { id: string; name: string } | null;
  partnership: { currency: string };
};

/** The dispute of that partnership with that id; 404 for any other id. */
export function disputeOf(tx: DbTx, partnershipId: string, disputeId: string): Promise<DisputeWithParts> {
  return findOrNotFound("Dispute", disputeId, (id) => tx.dispute.findFirst({ where: { id, partnershipId }, include: disputeInclude }));
}

/**
 * The funded (in escrow) payments a dispute decides over, in plan order: the disputed
 * payment if it is funded, or the funded payments covering the disputed deliverable.
 */
export async function disputedFundedPayments(
  tx: DbTx,
  dispute: Pick<Dispute, "partnershipId" | "paymentId" | "deliverableId">,
  options: { lock?: boolean } = {},
): Promise<PartnershipPayment[]> {
  const where = dispute.paymentId
    ? { id: dispute.paymentId, partnershipId: dispute.partnershipId, status: "in_progress" as const }
    : {
        partnershipId: dispute.partnershipId,
        status: "in_progress" as const,
        deliverables: { some: { deliverableId: dispute.deliverableId! } },
      };
  if (options.lock) {
    // The funded payments' rows, so that no charge or release interleaves with the resolution that moves them.
    await tx.$queryRaw`SELECT id FROM partnership_payments WHERE partnership_id = ${dispute.partnershipId}::uuid AND status = 'in_progress' FOR UPDATE`;
  }
  return tx.partnershipPayment.findMany({ where, orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }] });
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function subjectOf(dispute: DisputeWithParts): DisputeSummary["subject"] {
  if (dispute.deliverable) return { kind: "deliverable", id: dispute.deliverable.id, label: dispute.deliverable.description };
  const payment = dispute.payment!;
  return { kind: "payment", id: payment.id, label: `${payment.type} payment of ${describeMoney(payment.amountMinor, payment.currency)}` };
}

export function toDisputeSummary(dispute: DisputeWithParts): DisputeSummary {
  return {
    id: dispute.id,
    subject: subjectOf(dispute),
    status: dispute.status,
    outcome: dispute.outcome,
    reason: dispute.reason,
    openedBy: dispute.openedBy,
    createdAt: dispute.createdAt.toISOString(),
    resolvedAt: iso(dispute.resolvedAt),
  };
}

/**
 * `fundedMinor`: for an open dispute, what its funded payments hold now; a resolved one
 * shows what it divided (creator share plus refund).
 */
export function toDisputeResponse(dispute: DisputeWithParts, fundedMinor: bigint): DisputeResponse {
  const resolved = dispute.status === "resolved";
  return {
    ...toDisputeSummary(dispute),
    partnershipId: dispute.partnershipId,
    deliverableId: dispute.deliverableId,
    paymentId: dispute.paymentId,
    evidenceUrls: dispute.evidenceUrls,
    currency: dispute.partnership.currency,
    disputedAmount: toMajor(resolved ? (dispute.creatorAmountMinor ?? 0n) + (dispute.refundAmountMinor ?? 0n) : fundedMinor),
    creatorAmount: dispute.creatorAmountMinor === null ? null : toMajor(dispute.creatorAmountMinor),
    refundAmount: dispute.refundAmountMinor === null ? null : toMajor(dispute.refundAmountMinor),
    resolutionNote: dispute.resolutionNote,
    resolvedBy: dispute.resolvedBy,
    updatedAt: dispute.updatedAt.toISOString(),
  };
}

/** The response of each dispute, with the money open ones hold in escrow now, one statement at a time. */
export async function toDisputeResponses(tx: DbTx, disputes: DisputeWithParts[]): Promise<DisputeResponse[]> {
  const responses: DisputeResponse[] = [];
  for (const dispute of disputes) {
    const funded = dispute.status === "open" ? await disputedFundedPayments(tx, dispute) : [];
    responses.push(
      toDisputeResponse(
        dispute,
        funded.reduce((sum, payment) => sum + payment.amountMinor, 0n),
      ),
    );
  }
  return responses;
}
