import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { listDeliverableReviews } from "@/lib/partnerships/list-deliverable-reviews";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) => {
  const deliverableId = String(params.deliverableId);
  const reviews = await listDeliverableReviews({ actor, partnershipId: String(params.partnershipId), deliverableId });
  return NextResponse.json({ versions: reviews[deliverableId]?.versions ?? [] });
});
