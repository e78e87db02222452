/**
 * Accepting a proposal turns it into a partnership: in one transaction the proposal
 * moves sent → accepted and the partnership, its deliverables, one payment for each item
 * of its payment plan (payment-plan.ts) and the first activity entry are created. The
 * conditional status update decides between concurrent accepts; Partnership.proposalId
 * being unique is the second safety net.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { getPartnership } from "./get-partnership";
import { logActivity } from "./log-activity";
import type { PartnershipResponse } from "./schemas/partnerships";
import { planJson, type PlanItem } from "./payment-plan";
import type { ProposalResponse } from "./schemas/proposals";
import { loadProposalView, partyName, partySelect, proposalForParty, proposalPlan, storedDeliverables } from "./proposal-view";
import { transition } from "./transitions";

export interface AcceptProposalOptions {
  actor: Actor;
  proposalId: string;
}

/**
 * The plan the partnership's payments are made from. A proposal sent before schedules
 * were checked may have one that cannot be read: it is refused rather than guessed at,
 * and the recipient can counter it with a schedule that can.
 */
function acceptedPlan(proposal: Parameters<typeof proposalPlan>[0]): PlanItem[] {
  const plan = proposalPlan(proposal);
  if (!plan) {
    throw new AppError("invalid_state", "The payment schedule of this proposal cannot be read; counter it with one that can", {
      paymentSchedule: proposal.paymentSchedule,
    });
  }
  return plan;
}

/** sent → accepted, by the recipient; returns the accepted proposal and the new partnership. */
export async function acceptProposal(
  options: AcceptProposalOptions,
): Promise<{ proposal: ProposalResponse; partnership: PartnershipResponse }> {
  const { actor, proposalId } = options;
  let partnershipId: string;
  try {
    partnershipId = await getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId, { permission: "work" });
      if (side !== "recipient") throw new AppError("insufficient_permissions", "Only the recipient can accept a proposal");
      await transition(tx, "proposal", proposalId, "accepted", { from: ["sent"] });
      const now = new Date();
      await tx.proposal.update({
        where: { id: proposalId },
        data: { respondedAt: now, history: { create: { userId: actor.id, action: "accepted", occurredAt: now } } },
      });

      const plan = acceptedPlan(proposal);
      const creatorId = actor.role === "creator" ? actor.partyId : proposal.senderId;
      const brandId = actor.role === "brand" ? actor.partyId : proposal.senderId;
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
          paymentPlan: planJson(plan) as unknown as Prisma.InputJsonArray,
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

      // Plan positions of deliverables are 1-based; their rows are 0-based.
      const named = (positions: number[]) => deliverables.filter((d) => positions.includes(d.position + 1));
      const payments = plan.map((item) => {
        const covered = item.trigger === "on_signing" ? [] : item.trigger === "on_completion" ? deliverables : named(item.deliverables);
        const dueDate =
          item.trigger === "on_signing"
            ? proposal.startDate
            : item.trigger === "on_completion"
              ? proposal.endDate
              : new Date(Math.max(...covered.map((d) => d.dueDate.getTime())));
        return {
          row: {
            id: randomUUID(),
            partnershipId: partnership.id,
            type: item.type,
            trigger: item.trigger,
            percent: item.percent ?? null,
            position: item.position,
            amountMinor: item.amountMinor,
            currency: proposal.currency,
            status: "pending" as const,
            description: item.description,
            dueDate,
            createdAt: now,
          },
          covered,
        };
      });
      await tx.partnershipPayment.createMany({ data: payments.map((p) => p.row) });
      // A payment is released only once the deliverables it covers are approved.
      const links = payments.flatMap((p) => p.covered.map((d) => ({ paymentId: p.row.id, deliverableId: d.id })));
      if (links.length > 0) await tx.partnershipPaymentDeliverable.createMany({ data: links });

      const accepter = await tx.user.findUniqueOrThrow({ where: { id: actor.partyId }, select: partySelect });
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
