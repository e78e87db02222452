import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { listDeliverables } from "@/lib/partnerships/list-deliverables";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await listDeliverables({ actor, partnershipId: String(params.partnershipId) })),
);
