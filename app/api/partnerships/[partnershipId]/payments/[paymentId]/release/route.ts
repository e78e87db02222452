import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { releasePayment } from "@/lib/partnerships/release-payment";

export const POST = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await releasePayment({ actor, partnershipId: String(params.partnershipId), paymentId: String(params.paymentId) })),
);
