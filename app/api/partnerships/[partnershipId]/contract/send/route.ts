import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { clientAddressOf } from "@/lib/http/client-address";
import { sendContract } from "@/lib/partnerships/send-contract";

export const POST = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params, request }) =>
  NextResponse.json(
    await sendContract({
      actor,
      partnershipId: String(params.partnershipId),
      ipAddress: clientAddressOf(request),
      userAgent: request.headers.get("user-agent"),
    }),
  ),
);
