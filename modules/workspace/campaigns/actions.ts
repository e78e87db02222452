"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { createCampaign } from "@/lib/partnerships/create-campaign";
import { createCampaignBody } from "@/lib/partnerships/schemas/campaigns";

export async function createCampaignAction(input: unknown) {
  const me = await requirePageActor(["brand"]);
  return runAction(createCampaignBody, input, (body) => createCampaign({ actor: me, body }), {
    actor: me,
    action: "campaign.create",
    successMessage: "Campaign created.",
  });
}
