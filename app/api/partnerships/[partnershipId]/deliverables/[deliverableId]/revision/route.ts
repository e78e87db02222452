import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { requestRevisionBody } from "@/lib/partnerships/schemas/deliverables";
import { requestRevision } from "@/lib/partnerships/request-revision";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: requestRevisionBody }, async ({ actor, body, params }) =>
  NextResponse.json(
    await requestRevision({ actor, partnershipId: String(params.partnershipId), deliverableId: String(params.deliverableId), ...body }),
  ),
);
