import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { addDeliverableComment } from "@/lib/partnerships/add-deliverable-comment";
import { listDeliverableReviews } from "@/lib/partnerships/list-deliverable-reviews";
import { deliverableCommentBody } from "@/lib/partnerships/schemas/deliverables";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) => {
  const deliverableId = String(params.deliverableId);
  const reviews = await listDeliverableReviews({ actor, partnershipId: String(params.partnershipId), deliverableId });
  return NextResponse.json({ comments: reviews[deliverableId]?.comments ?? [] });
});

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: deliverableCommentBody }, async ({ actor, body, params }) => {
  const target = { actor, partnershipId: String(params.partnershipId), deliverableId: String(params.deliverableId) };
  const { id } = await addDeliverableComment({ ...target, body: body.body });
  const comments = (await listDeliverableReviews(target))[target.deliverableId]?.comments ?? [];
  return NextResponse.json(
    comments.find((c) => c.id === id),
    { status: 201 },
  );
});
