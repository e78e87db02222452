import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { resolveDispute } from "@/lib/partnerships/resolve-dispute";
import { resolveDisputeBody } from "@/lib/partnerships/schemas/disputes";

// Any signed-in user reaches the service, which answers 403 to all but admins.
export const POST = partnershipsRoute({ body: resolveDisputeBody }, async ({ actor, body, params }) =>
  NextResponse.json(
    await resolveDispute({ actor, partnershipId: String(params.partnershipId), disputeId: String(params.disputeId), ...body }),
  ),
);
