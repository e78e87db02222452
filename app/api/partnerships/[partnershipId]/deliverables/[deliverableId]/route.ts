import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getDeliverable } from "@/lib/partnerships/get-deliverable";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(
    await getDeliverable({ actor, partnershipId: String(params.partnershipId), deliverableId: String(params.deliverableId) }),
  ),
);
