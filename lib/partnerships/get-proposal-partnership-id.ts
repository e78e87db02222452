import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { proposalForParty } from "./proposal-view";

export interface GetProposalPartnershipIdOptions {
  actor: Actor;
  proposalId: string;
}

/** The id of the partnership an accepted proposal started, for one of its parties; null otherwise. */
export async function getProposalPartnershipId(options: GetProposalPartnershipIdOptions): Promise<string | null> {
  const db = getDb();
  const { proposal } = await proposalForParty(db, options.actor, options.proposalId, { permission: "read" });
  if (proposal.status !== "accepted") return null;
  const partnership = await db.partnership.findUnique({ where: { proposalId: proposal.id }, select: { id: true } });
  return partnership?.id ?? null;
}
