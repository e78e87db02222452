import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { submitDeliverableBody } from "@/lib/partnerships/schemas/deliverables";
import { submitDeliverable } from "@/lib/partnerships/submit-deliverable";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: submitDeliverableBody }, async ({ actor, body, params }) =>
  NextResponse.json(
    await submitDeliverable({ actor, partnershipId: String(params.partnershipId), deliverableId: String(params.deliverableId), ...body }),
  ),
);
