import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { generateContract } from "@/lib/partnerships/generate-contract";
import { getContract } from "@/lib/partnerships/get-contract";

export const POST = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await generateContract({ actor, partnershipId: String(params.partnershipId) }), { status: 201 }),
);

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await getContract({ actor, partnershipId: String(params.partnershipId) })),
);
