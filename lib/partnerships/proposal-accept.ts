/**
 * Accepting a proposal turns it into a partnership: in one transaction the proposal
 * moves sent → accepted and the partnership, its deliverables, its payment schedule and
 * the first activity entry are created. The conditional status update decides between
 * concurrent accepts; Partnership.proposalId being unique is the second safety net.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { AppError } from "../errors";
import { logActivity } from "./activity";
import { getPartnership } from "./get-partnership";
import type { PartnershipResponse } from "./partnership-schemas";
import type { ProposalResponse } from "./proposal-schemas";
import { loadProposalView, partyName, partySelect, proposalForParty, storedDeliverables } from "./proposal-view";
import { transition } from "./transitions";

export interface PlannedPayment {
  type: "initial" | "final";
  amountMinor: bigint;
  description: string;
}

const UPFRONT = /^\s*(\d{1,2}(?:\.\d{1,2})?)\s*%\s*up[\s-]?front\s*,\s*(\d{1,2}(?:\.\d{1,2})?)\s*%\s*on\s+completion\s*\.?\s*$/i;

/**
 * The payments a schedule like "30% upfront, 70% on completion" describes: an initial
 * payment for the upfront share and a final one for the rest. Anything else is one final
 * payment of the whole amount. Amounts are in minor units and always sum to the total.
 */
export function paymentPlan(totalMinor: bigint, schedule: string | null): PlannedPayment[] {
  const match = schedule ? UPFRONT.exec(schedule) : null;
  if (match) {
    const upfront = Math.round(Number(match[1]) * 100);
    const rest = Math.round(Number(match[2]) * 100);
    if (upfront > 0 && rest > 0 && upfront + rest === 10_000) {
      const initial = (totalMinor * BigInt(upfront)) / 10_000n;
      if (initial > 0n && initial < totalMinor) {
        return [
          { type: "initial", amountMinor: initial, description: `Upfront payment (${match[1]}%) on contract activation` },
          { type: "final", amountMinor: totalMinor - initial, description: `Final payment (${match[2]}%) on approval of all deliverables` },
        ];
      }
    }
  }
  return [{ type: "final", amountMinor: totalMinor, description: "Full payment on approval of all deliverables" }];
}

/** sent → accepted, by the recipient; returns the accepted proposal and the new partnership. */
export async function acceptProposal(options: { actor: Actor; proposalId: string }): Promise<{ proposal: ProposalResponse; partnership: PartnershipResponse }> {
  const { actor, proposalId } = options;
  let partnershipId: string;
  try {
    partnershipId = await getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId);
      if (side !== "recipient") throw new AppError("insufficient_permissions", "Only the recipient can accept a proposal");
      await transition(tx, "proposal", proposalId, "accepted", { from: ["sent"] });
      const now = new Date();
      await tx.proposal.update({ where: { id: proposalId }, data: { respondedAt: now, history: { create: { userId: actor.id, action: "accepted", occurredAt: now } } } });

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
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("invalid_state", "This proposal has already been accepted", { entity: "proposal", to: "accepted" });
    }
    throw error;
  }
  const [proposal, partnership] = await Promise.all([loadProposalView(getDb(), proposalId), getPartnership({ actor, partnershipId })]);
  return { proposal, partnership };
}
