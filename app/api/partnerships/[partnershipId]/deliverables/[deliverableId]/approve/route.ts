import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { approveDeliverableBody } from "@/lib/partnerships/schemas/deliverables";
import { approveDeliverable } from "@/lib/partnerships/approve-deliverable";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: approveDeliverableBody }, async ({ actor, body, params }) =>
  NextResponse.json(
    await approveDeliverable({ actor, partnershipId: String(params.partnershipId), deliverableId: String(params.deliverableId), ...body }),
  ),
);
