/** draft → sent, by the sender. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notYourTurn, refuseDuplicateOffer, thenShow } from "./proposal-changes";
import type { ProposalResponse } from "./schemas/proposals";
import { proposalForParty } from "./proposal-view";
import { transition } from "./transitions";
import { proposalReceived } from "../events/partnership-events";

export interface SendProposalOptions {
  actor: Actor;
  proposalId: string;
}

export async function sendProposal(options: SendProposalOptions): Promise<ProposalResponse> {
  const { actor, proposalId } = options;
  return thenShow(
    getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId, { permission: "work" });
      if (side !== "sender") throw notYourTurn("Only the sender can send a proposal");
      await refuseDuplicateOffer(tx, {
        senderId: actor.partyId,
        recipientId: proposal.recipientId,
        campaignId: proposal.campaignId,
        exceptId: proposalId,
      });
      await transition(tx, "proposal", proposalId, "sent", { from: ["draft"] });
      const now = new Date();
      await tx.proposal.update({
        where: { id: proposalId },
        data: { sentAt: now, history: { create: { userId: actor.id, action: "sent", occurredAt: now } } },
      });
      await proposalReceived(tx, { proposalId, at: now });
      return proposalId;
    }),
  );
}
