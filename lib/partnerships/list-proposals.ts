/** The proposals the actor may see, newest first, a page at a time. */
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { requireParticipant } from "./access";
import { toMajor } from "../money";
import type { ListProposalsQuery, ProposalListItem } from "./schemas/proposals";
import { partyName, partySelect, visibleProposals } from "./proposal-view";

export interface ListProposalsOptions {
  actor: Actor;
  query: ListProposalsQuery;
}

export async function listProposals(
  options: ListProposalsOptions,
): Promise<{ proposals: ProposalListItem[]; pagination: { total: number; pages: number; current: number; limit: number } }> {
  const { actor, query } = options;
  requireParticipant(actor);
  const where: Prisma.ProposalWhereInput = { AND: [visibleProposals(actor, query.role), query.status ? { status: query.status } : {}] };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: { sender: { select: partySelect }, recipient: { select: partySelect }, campaign: { select: { name: true } } },
    }),
  ]);
  return {
    proposals: rows.map((p) => ({
      id: p.id,
      status: p.status,
      senderId: p.senderId,
      senderName: partyName(p.sender),
      recipientId: p.recipientId,
      recipientName: partyName(p.recipient),
      campaignId: p.campaignId,
      campaignName: p.campaign?.name ?? null,
      compensation: { amount: toMajor(p.amountMinor), currency: p.currency },
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    pagination: { total, pages: Math.ceil(total / query.limit), current: query.page, limit: query.limit },
  };
}
