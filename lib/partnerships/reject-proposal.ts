/** sent → rejected, by the recipient, with an optional reason. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notYourTurn, thenShow } from "./proposal-changes";
import type { ProposalResponse } from "./schemas/proposals";
import { proposalForParty } from "./proposal-view";
import { transition } from "./transitions";

export interface RejectProposalOptions {
  actor: Actor;
  proposalId: string;
  reason?: string;
}

export async function rejectProposal(options: RejectProposalOptions): Promise<ProposalResponse> {
  const { actor, proposalId } = options;
  const reason = options.reason || null;
  return thenShow(
    getDb().$transaction(async (tx) => {
      const { side } = await proposalForParty(tx, actor, proposalId, { permission: "work" });
      if (side !== "recipient") throw notYourTurn("Only the recipient can reject a proposal");
      await transition(tx, "proposal", proposalId, "rejected", { from: ["sent"] });
      const now = new Date();
      await tx.proposal.update({
        where: { id: proposalId },
        data: {
          rejectionReason: reason,
          respondedAt: now,
          history: { create: { userId: actor.id, action: "rejected", note: reason, occurredAt: now } },
        },
      });
      return proposalId;
    }),
  );
}
