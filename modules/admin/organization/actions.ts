"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { organizationDetailsBody } from "@/lib/billing/schemas/organization";
import { updateOrganizationDetails } from "@/lib/billing/update-organization-details";
import { runAction } from "@/lib/forms/run-action";

/** Sets the details of the organisation that issues invoices, receipts and statements. */
export async function updateIssuerDetailsAction(input: unknown) {
  const actor = await requirePageActor(["admin"]);
  return runAction(organizationDetailsBody, input, (body) => updateOrganizationDetails({ actor, organization: "issuer", body }), {
    actor,
    action: "issuer.update-details",
  });
}
