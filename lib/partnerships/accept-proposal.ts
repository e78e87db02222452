/**
 * Accepting a proposal turns it into a partnership: in one transaction the proposal
 * moves sent → accepted and the partnership, its deliverables, its payment schedule and
 * the first activity entry are created. The conditional status update decides between
 * concurrent accepts; Partnership.proposalId being unique is the second safety net.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { getPartnership } from "./get-partnership";
import { logActivity } from "./log-activity";
import type { PartnershipResponse } from "./schemas/partnerships";
import { paymentPlan } from "./payment-plan";
import type { ProposalResponse } from "./schemas/proposals";
import { loadProposalView, partyName, partySelect, proposalForParty, storedDeliverables } from "./proposal-view";
import { transition } from "./transitions";

export interface AcceptProposalOptions {
  actor: Actor;
  proposalId: string;
}

/** sent → accepted, by the recipient; returns the accepted proposal and the new partnership. */
export async function acceptProposal(
  options: AcceptProposalOptions,
): Promise<{ proposal: ProposalResponse; partnership: PartnershipResponse }> {
  const { actor, proposalId } = options;
  let partnershipId: string;
  try {
    partnershipId = await getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId);
      if (side !== "recipient") throw new AppError("insufficient_permissions", "Only the recipient can accept a proposal");
      await transition(tx, "proposal", proposalId, "accepted", { from: ["sent"] });
      const now = new Date();
      await tx.proposal.update({
        where: { id: proposalId },
        data: { respondedAt: now, history: { create: { userId: actor.id, action: "accepted", occurredAt: now } } },
      });

      const creatorId = actor.role === "creator" ? actor.id : proposal.senderId;
      const brandId = actor.role === "brand" ? actor.id : proposal.senderId;
      const partnership = await tx.partnership.create({
        data: {
          proposalId,
          creatorId,
          brandId,
          campaignId: proposal.campaignId,
          status: "active",
          amountMinor: proposal.amountMinor,
          currency: proposal.currency,
          paymentSchedule: proposal.paymentSchedule,
          terms: (proposal.terms ?? {}) as Prisma.InputJsonValue,
          startDate: proposal.startDate,
          endDate: proposal.endDate,
          createdAt: now,
        },
        select: { id: true },
      });

      const deliverables = storedDeliverables(proposal.deliverables).map((d, position) => ({
        id: randomUUID(),
        partnershipId: partnership.id,
        position,
        type: d.type,
        description: d.description,
        requirements: d.requirements,
        dueDate: new Date(d.dueDate),
        status: "pending" as const,
        createdAt: now,
      }));
      await tx.deliverable.createMany({ data: deliverables });

      const payments = paymentPlan(proposal.amountMinor, proposal.paymentSchedule).map((p) => ({
        id: randomUUID(),
        partnershipId: partnership.id,
        type: p.type,
        amountMinor: p.amountMinor,
        currency: proposal.currency,
        status: "pending" as const,
        description: p.description,
        dueDate: p.type === "initial" ? proposal.startDate : proposal.endDate,
        createdAt: now,
      }));
      await tx.partnershipPayment.createMany({ data: payments });
      // The final payment is released only once every deliverable is approved.
      const final = payments.find((p) => p.type === "final")!;
      await tx.partnershipPaymentDeliverable.createMany({ data: deliverables.map((d) => ({ paymentId: final.id, deliverableId: d.id })) });

      const accepter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: partySelect });
      await logActivity(tx, {
        partnershipId: partnership.id,
        userId: actor.id,
        type: "proposal_accepted",
        description: `${partyName(accepter)} accepted the proposal`,
        metadata: { proposalId },
        at: now,
      });
      return partnership.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("invalid_state", "This proposal has already been accepted", { entity: "proposal", to: "accepted" });
    }
    throw error;
  }
  const [proposal, partnership] = await Promise.all([loadProposalView(getDb(), proposalId), getPartnership({ actor, partnershipId })]);
  return { proposal, partnership };
}
