import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getOrganizationDetails } from "@/lib/billing/get-organization-details";
import { organizationDetailsBody } from "@/lib/billing/schemas/organization";
import { updateOrganizationDetails } from "@/lib/billing/update-organization-details";

/** The details printed on the partner's invoices, receipts and statements. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor }) =>
  NextResponse.json(await getOrganizationDetails({ actor, organization: "own" })),
);

/** Sets those details for documents issued from now on. */
export const PUT = v1Route({ roles: ["partner"], permission: "finance", body: organizationDetailsBody }, async ({ actor, body }) =>
  NextResponse.json(await updateOrganizationDetails({ actor, organization: "own", body })),
);
