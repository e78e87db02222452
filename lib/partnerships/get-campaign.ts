/** One campaign of the actor's brand, with its spend, partnerships and open proposals; 404 for anyone else. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { toMajor } from "../money";
import { requirePermission } from "../organizations/permissions";
import { requireParticipant } from "./access";
import { campaignsWithSpend } from "./campaign-spend";
import { partyName, partySelect } from "./proposal-view";
import type { CampaignSummary } from "./schemas/campaigns";

export interface CampaignDetail extends CampaignSummary {
  partnershipsList: Array<{ id: string; creator: string; status: string; amount: number; currency: string; endDate: string }>;
  proposals: Array<{ id: string; creator: string; status: string; amount: number; currency: string; sentAt: string | null }>;
}

export async function getCampaign(options: { actor: Actor; campaignId: string }): Promise<CampaignDetail> {
  const { actor } = options;
  requireParticipant(actor);
  // Creators have no campaigns of their own: theirs is the same answer as a campaign that is not there.
  if (actor.role !== "brand") throw notFound("Campaign");
  requirePermission(actor, "read");
  const campaign = await findOrNotFound(
    "Campaign",
    options.campaignId,
    async (campaignId) => (await campaignsWithSpend({ brandId: actor.partyId, campaignId }))[0] ?? null,
  );
  const db = getDb();
  const [partnerships, proposals] = await Promise.all([
    db.partnership.findMany({
      where: { campaignId: campaign.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, status: true, amountMinor: true, currency: true, endDate: true, creator: { select: partySelect } },
    }),
    db.proposal.findMany({
      where: { campaignId: campaign.id, status: { in: ["draft", "sent"] }, senderId: actor.partyId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true, status: true, amountMinor: true, currency: true, sentAt: true, recipient: { select: partySelect } },
    }),
  ]);
  return {
    ...campaign,
    partnershipsList: partnerships.map((p) => ({
      id: p.id,
      creator: partyName(p.creator),
      status: p.status,
      amount: toMajor(p.amountMinor),
      currency: p.currency,
      endDate: p.endDate.toISOString(),
    })),
    proposals: proposals.map((p) => ({
      id: p.id,
      creator: partyName(p.recipient),
      status: p.status,
      amount: toMajor(p.amountMinor),
      currency: p.currency,
      sentAt: p.sentAt?.toISOString() ?? null,
    })),
  };
}
