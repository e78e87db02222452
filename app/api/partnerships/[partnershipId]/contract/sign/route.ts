import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { clientAddressOf } from "@/lib/http/client-address";
import { signContractBody } from "@/lib/partnerships/schemas/contracts";
import { signContract } from "@/lib/partnerships/sign-contract";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: signContractBody }, async ({ actor, body, params, request }) =>
  NextResponse.json(
    await signContract({
      actor,
      partnershipId: String(params.partnershipId),
      fullName: body.fullName,
      consent: body.consent,
      signature: body.signature,
      // The address the server in front of the app resolved, never one the client claims.
      ipAddress: clientAddressOf(request),
      userAgent: request.headers.get("user-agent"),
    }),
  ),
);
