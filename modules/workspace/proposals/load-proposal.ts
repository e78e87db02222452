import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import type { ProposalResponse } from "@/lib/partnerships/proposal-schemas";
import { getProposal } from "@/lib/partnerships/proposals";

/** The proposal for one of its parties; anyone else (or a bad id) gets the not-found page. */
export async function loadProposalOr404(actor: Actor, proposalId: string): Promise<ProposalResponse> {
  if (!isUuid(proposalId)) notFound();
  try {
    return await getProposal({ actor, proposalId });
  } catch (error) {
    if (error instanceof AppError && error.code === "resource_not_found") notFound();
    throw error;
  }
}
