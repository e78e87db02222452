/** A new proposal, as a draft of its sender (either a creator or a brand). */
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { requireParticipant } from "./access";
import { requirePermission } from "../organizations/permissions";
import { toMinor } from "../money";
import { checkedPaymentPlan, planJson } from "./payment-plan";
import { checkParties, deliverablesJson, refuseDuplicateOffer, termsJson, thenShow } from "./proposal-changes";
import type { CreateProposalBody, ProposalResponse } from "./schemas/proposals";
import { removeUnfinishedProposal } from "./unfinished-proposals";

export interface CreateProposalOptions {
  actor: Actor;
  body: CreateProposalBody;
  /** The unfinished proposal this one was composed from; it ends in the same transaction. */
  fromUnfinishedId?: string;
}

export async function createProposal(options: CreateProposalOptions): Promise<ProposalResponse> {
  const { actor, body } = options;
  requireParticipant(actor);
  requirePermission(actor, "work");
  return thenShow(
    getDb().$transaction(async (tx) => {
      await checkParties(tx, actor, body.recipientId, body.campaignId ?? null);
      await refuseDuplicateOffer(tx, { senderId: actor.partyId, recipientId: body.recipientId, campaignId: body.campaignId ?? null });
      const amountMinor = toMinor(body.compensation.amount);
      const paymentSchedule = body.compensation.paymentSchedule || null;
      const plan = checkedPaymentPlan(paymentSchedule, {
        totalMinor: amountMinor,
        currency: body.compensation.currency,
        deliverableCount: body.deliverables.length,
      });
      const now = new Date();
      const proposal = await tx.proposal.create({
        data: {
          senderId: actor.partyId,
          recipientId: body.recipientId,
          campaignId: body.campaignId ?? null,
          status: "draft",
          deliverables: deliverablesJson(body.deliverables),
          amountMinor,
          currency: body.compensation.currency,
          paymentSchedule,
          paymentPlan: planJson(plan) as unknown as Prisma.InputJsonArray,
          startDate: body.timeline.startDate,
          endDate: body.timeline.endDate,
          terms: termsJson(body.terms),
          createdAt: now,
          history: { create: { userId: actor.id, action: "created", occurredAt: now } },
        },
        select: { id: true },
      });
      if (options.fromUnfinishedId) await removeUnfinishedProposal(tx, actor, options.fromUnfinishedId);
      return proposal.id;
    }),
  );
}
