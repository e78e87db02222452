import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { clientAddressOf } from "@/lib/http/client-address";
import { generateContract } from "@/lib/partnerships/generate-contract";
import { getContract } from "@/lib/partnerships/get-contract";
import { generateContractBody } from "@/lib/partnerships/schemas/contracts";

export const POST = partnershipsRoute(
  { roles: ["creator", "brand"], body: generateContractBody },
  async ({ actor, body, params, request }) =>
    NextResponse.json(
      await generateContract({
        actor,
        partnershipId: String(params.partnershipId),
        reviewWindowDays: body.reviewWindowDays,
        ipAddress: clientAddressOf(request),
        userAgent: request.headers.get("user-agent"),
      }),
      { status: 201 },
    ),
);

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await getContract({ actor, partnershipId: String(params.partnershipId) })),
);
