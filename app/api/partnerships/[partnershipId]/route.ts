import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getPartnership } from "@/lib/partnerships/get-partnership";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await getPartnership({ actor, partnershipId: String(params.partnershipId) })),
);
