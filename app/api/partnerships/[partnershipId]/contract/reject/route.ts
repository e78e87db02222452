import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { clientAddressOf } from "@/lib/http/client-address";
import { rejectContract } from "@/lib/partnerships/reject-contract";
import { rejectContractBody } from "@/lib/partnerships/schemas/contracts";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: rejectContractBody }, async ({ actor, body, params, request }) =>
  NextResponse.json(
    await rejectContract({
      actor,
      partnershipId: String(params.partnershipId),
      reason: body.reason,
      ipAddress: clientAddressOf(request),
      userAgent: request.headers.get("user-agent"),
    }),
  ),
);
