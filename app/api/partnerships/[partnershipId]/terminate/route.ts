import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { terminatePartnershipBody } from "@/lib/partnerships/schemas/termination";
import { terminatePartnership } from "@/lib/partnerships/terminate-partnership";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: terminatePartnershipBody }, async ({ actor, body, params }) =>
  NextResponse.json(await terminatePartnership({ actor, partnershipId: String(params.partnershipId), reason: body.reason })),
);
