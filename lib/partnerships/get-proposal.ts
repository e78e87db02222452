/** One proposal for either party; the recipient's first look at a sent proposal is recorded as "viewed". */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { thenShow } from "./proposal-changes";
import type { ProposalResponse } from "./schemas/proposals";
import { proposalForParty } from "./proposal-view";

export interface GetProposalOptions {
  actor: Actor;
  proposalId: string;
}

export async function getProposal(options: GetProposalOptions): Promise<ProposalResponse> {
  const { actor, proposalId } = options;
  return thenShow(
    getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId, { permission: "read" });
      if (side === "recipient" && proposal.status !== "draft") {
        const seen = { proposalId, userId: actor.id, action: "viewed" } as const;
        if (!(await tx.proposalEvent.findFirst({ where: seen, select: { id: true } }))) {
          // Lock and look again so two first looks at once record one view.
          await proposalForParty(tx, actor, proposalId, { lock: true, permission: "read" });
          if (!(await tx.proposalEvent.findFirst({ where: seen, select: { id: true } }))) {
            await tx.proposalEvent.create({ data: { ...seen, occurredAt: new Date() } });
          }
        }
      }
      return proposalId;
    }),
  );
}
