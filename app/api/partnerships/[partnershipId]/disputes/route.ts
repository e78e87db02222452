import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { listDisputes } from "@/lib/partnerships/list-disputes";
import { openDispute } from "@/lib/partnerships/open-dispute";
import { openDisputeBody } from "@/lib/partnerships/schemas/disputes";

export const GET = partnershipsRoute({ roles: ["creator", "brand", "admin"] }, async ({ actor, params }) =>
  NextResponse.json(await listDisputes({ actor, partnershipId: String(params.partnershipId) })),
);

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: openDisputeBody }, async ({ actor, body, params }) =>
  NextResponse.json(await openDispute({ actor, partnershipId: String(params.partnershipId), ...body }), { status: 201 }),
);
