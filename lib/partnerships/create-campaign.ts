/** A brand starts a campaign with a budget; proposals and partnerships then name it. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMinor } from "../money";
import { requirePermission } from "../organizations/permissions";
import { requireParticipant, requireSide } from "./access";
import type { CreateCampaignBody } from "./schemas/campaigns";

export async function createCampaign(options: { actor: Actor; body: CreateCampaignBody }): Promise<{ id: string }> {
  const { actor, body } = options;
  requireParticipant(actor);
  requireSide(actor.role === "brand" ? "brand" : "creator", "brand", "create campaigns");
  requirePermission(actor, "work");
  return getDb().campaign.create({
    data: {
      brandId: actor.partyId,
      name: body.name,
      description: body.description || null,
      status: "active",
      budgetMinor: toMinor(body.budget.amount),
      currency: body.budget.currency,
      startDate: body.startDate ?? null,
      endDate: body.endDate ?? null,
    },
    select: { id: true },
  });
}
