/** A brand's campaigns with their spend, for its members. */
import type { Actor } from "../auth/actor";
import { requirePermission } from "../organizations/permissions";
import { requireParticipant, requireSide } from "./access";
import { campaignsWithSpend } from "./campaign-spend";
import type { CampaignSummary } from "./schemas/campaigns";

export async function listCampaigns(options: { actor: Actor }): Promise<CampaignSummary[]> {
  requireParticipant(options.actor);
  requireSide(options.actor.role === "brand" ? "brand" : "creator", "brand", "have campaigns");
  requirePermission(options.actor, "read");
  return campaignsWithSpend({ brandId: options.actor.partyId });
}

/** The campaigns a brand's new or edited proposal may name: those not completed. Creators have none to choose. */
export async function listCampaignChoices(options: { actor: Actor }): Promise<Array<{ id: string; name: string }>> {
  if (options.actor.role !== "brand") return [];
  const campaigns = await listCampaigns(options);
  return campaigns.filter((c) => c.status !== "completed").map((c) => ({ id: c.id, name: c.name }));
}
