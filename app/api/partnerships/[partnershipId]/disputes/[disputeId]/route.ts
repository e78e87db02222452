import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getDispute } from "@/lib/partnerships/get-dispute";

export const GET = partnershipsRoute({ roles: ["creator", "brand", "admin"] }, async ({ actor, params }) =>
  NextResponse.json(await getDispute({ actor, partnershipId: String(params.partnershipId), disputeId: String(params.disputeId) })),
);
