"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { organizationDetailsBody } from "@/lib/billing/schemas/organization";
import { updateOrganizationDetails } from "@/lib/billing/update-organization-details";
import { runAction } from "@/lib/forms/run-action";

/** Sets the partner's document details with the same schema and service as PUT /partner/organization. */
export async function updateOrganizationDetailsAction(input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(organizationDetailsBody, input, (body) => updateOrganizationDetails({ actor, organization: "own", body }), {
    actor,
    action: "organization.update-details",
  });
}
