import type { Actor } from "@/lib/auth/actor";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getProposal } from "@/lib/partnerships/get-proposal";
import type { ProposalResponse } from "@/lib/partnerships/schemas/proposals";

/** The proposal for one of its parties; anyone else (or a bad id) gets the not-found page. */
export async function loadProposalOr404(actor: Actor, proposalId: string): Promise<ProposalResponse> {
  return orNotFound(getProposal({ actor, proposalId }));
}
