/**
 * The chain of counter-proposals a proposal belongs to: the proposals it answers (via
 * counterOfId) and the ones that answer it, oldest first. Only the actor's own
 * proposals are followed, so a chain never leads outside what the actor may see.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import type { ProposalResponse } from "./schemas/proposals";
import { partyName, partySelect, proposalForParty } from "./proposal-view";

export interface ProposalChainLink {
  id: string;
  status: ProposalResponse["status"];
  senderId: string;
  senderName: string;
  amount: number;
  currency: string;
  createdAt: string;
}

export interface GetProposalChainOptions {
  actor: Actor;
  proposalId: string;
}

const MAX_LINKS = 50;

export async function getProposalChain(options: GetProposalChainOptions): Promise<ProposalChainLink[]> {
  const { actor, proposalId } = options;
  const db = getDb();
  const { proposal } = await proposalForParty(db, actor, proposalId, { permission: "read" });
  const isParty = (p: { senderId: string; recipientId: string }) => p.senderId === actor.partyId || p.recipientId === actor.partyId;
  const select = {
    id: true,
    status: true,
    senderId: true,
    recipientId: true,
    counterOfId: true,
    amountMinor: true,
    currency: true,
    createdAt: true,
    sender: { select: partySelect },
  } as const;

  const self = await db.proposal.findUniqueOrThrow({ where: { id: proposal.id }, select });
  const older: (typeof self)[] = [];
  let parentId = self.counterOfId;
  while (parentId && older.length < MAX_LINKS) {
    const parent = await db.proposal.findUnique({ where: { id: parentId }, select });
    if (!parent || !isParty(parent)) break;
    older.unshift(parent);
    parentId = parent.counterOfId;
  }
  const newer: (typeof self)[] = [];
  let currentId = self.id;
  while (newer.length < MAX_LINKS) {
    const child = await db.proposal.findUnique({ where: { counterOfId: currentId }, select });
    if (!child || !isParty(child)) break;
    newer.push(child);
    currentId = child.id;
  }
  return [...older, self, ...newer].map((p) => ({
    id: p.id,
    status: p.status,
    senderId: p.senderId,
    senderName: partyName(p.sender),
    amount: toMajor(p.amountMinor),
    currency: p.currency,
    createdAt: p.createdAt.toISOString(),
  }));
}
