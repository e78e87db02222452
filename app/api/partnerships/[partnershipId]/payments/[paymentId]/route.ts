import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { getPayment } from "@/lib/partnerships/get-payment";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await getPayment({ actor, partnershipId: String(params.partnershipId), paymentId: String(params.paymentId) })),
);
