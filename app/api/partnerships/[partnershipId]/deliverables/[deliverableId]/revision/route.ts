import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { requestRevisionBody } from "@/lib/partnerships/deliverable-schemas";
import { requestRevision } from "@/lib/partnerships/deliverables";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: requestRevisionBody }, async ({ actor, body, params }) =>
  NextResponse.json(
    await requestRevision({ actor, partnershipId: String(params.partnershipId), deliverableId: String(params.deliverableId), ...body }),
  ),
);
