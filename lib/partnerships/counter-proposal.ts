/**
 * sent → countered, by the recipient: a new proposal from the recipient back to the
 * sender, already sent, copying every field the counter does not change.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { checkParties, mergedFields, notYourTurn, refuseDuplicateOffer, thenShow } from "./proposal-changes";
import type { CounterProposalBody, ProposalResponse } from "./schemas/proposals";
import { proposalForParty } from "./proposal-view";
import { transition } from "./transitions";
import { proposalReceived } from "../events/partnership-events";

/** The history note of a counter-proposal sent without a message. */
export const COUNTER_NOTE = "Counter-proposal";

export interface CounterProposalOptions {
  actor: Actor;
  proposalId: string;
  body: CounterProposalBody;
}

export async function counterProposal(options: CounterProposalOptions): Promise<ProposalResponse> {
  const { actor, proposalId, body } = options;
  try {
    return await thenShow(
      getDb().$transaction(async (tx) => {
        const { proposal, side } = await proposalForParty(tx, actor, proposalId, { permission: "work" });
        if (side !== "recipient") throw notYourTurn("Only the recipient can counter a proposal");
        await transition(tx, "proposal", proposalId, "countered", { from: ["sent"] });
        const fields = mergedFields(proposal, body);
        if (body.campaignId) await checkParties(tx, actor, proposal.senderId, body.campaignId);
        await refuseDuplicateOffer(tx, { senderId: actor.partyId, recipientId: proposal.senderId, campaignId: fields.campaignId });
        const now = new Date();
        const counter = await tx.proposal.create({
          data: {
            ...fields,
            senderId: actor.partyId,
            recipientId: proposal.senderId,
            counterOfId: proposal.id,
            status: "sent",
            sentAt: now,
            createdAt: now,
            history: {
              create: [
                { userId: actor.id, action: "created", note: body.message || COUNTER_NOTE, occurredAt: now },
                { userId: actor.id, action: "sent", occurredAt: now },
              ],
            },
          },
          select: { id: true },
        });
        await tx.proposal.update({
          where: { id: proposalId },
          data: {
            respondedAt: now,
            history: { create: { userId: actor.id, action: "countered", note: `Countered with proposal ${counter.id}`, occurredAt: now } },
          },
        });
        await proposalReceived(tx, { proposalId: counter.id, at: now });
        return counter.id;
      }),
    );
  } catch (error) {
    // counterOfId is unique: a proposal is countered at most once.
    if (isUniqueViolation(error)) {
      throw new AppError("invalid_state", "This proposal has already been countered", { entity: "proposal", to: "countered" });
    }
    throw error;
  }
}
