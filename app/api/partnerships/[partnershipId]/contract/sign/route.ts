import { NextResponse, type NextRequest } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { signContractBody } from "@/lib/partnerships/contract-schemas";
import { signContract } from "@/lib/partnerships/contracts";

/** The client's address as the proxy reports it: the first hop of X-Forwarded-For. */
function clientAddress(request: NextRequest): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip")?.trim() || "unknown";
}

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: signContractBody }, async ({ actor, body, params, request }) =>
  NextResponse.json(
    await signContract({
      actor,
      partnershipId: String(params.partnershipId),
      signature: body.signature,
      ipAddress: clientAddress(request),
      userAgent: request.headers.get("user-agent"),
    }),
  ),
);
