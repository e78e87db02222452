/** Edits a draft; only its sender may. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { checkParties, mergedFields, notYourTurn, thenShow } from "./proposal-changes";
import type { ProposalResponse, UpdateProposalBody } from "./schemas/proposals";
import { proposalForParty } from "./proposal-view";

export interface UpdateProposalOptions {
  actor: Actor;
  proposalId: string;
  body: UpdateProposalBody;
}

export async function updateProposal(options: UpdateProposalOptions): Promise<ProposalResponse> {
  const { actor, proposalId, body } = options;
  return thenShow(
    getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId, { permission: "work" });
      if (side !== "sender") throw notYourTurn("Only the sender can edit a proposal");
      const notDraft = () =>
        new AppError("invalid_state", `Cannot edit a proposal that is ${proposal.status}; only drafts can be edited`, {
          entity: "proposal",
          from: proposal.status,
          to: null,
        });
      if (proposal.status !== "draft") throw notDraft();
      const fields = mergedFields(proposal, body);
      const recipientId = body.recipientId ?? proposal.recipientId;
      if (body.recipientId !== undefined || body.campaignId !== undefined) await checkParties(tx, actor, recipientId, fields.campaignId);
      const now = new Date();
      // Conditional on still being a draft: a concurrent send wins and this edit is refused.
      const { count } = await tx.proposal.updateMany({
        where: { id: proposalId, status: "draft" },
        data: { ...fields, recipientId, updatedAt: now },
      });
      if (count !== 1) throw notDraft();
      // No history event: edits to a draft are the sender's own business until it is sent.
      return proposalId;
    }),
  );
}
