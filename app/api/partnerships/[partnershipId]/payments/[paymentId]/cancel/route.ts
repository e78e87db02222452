import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { cancelPayment } from "@/lib/partnerships/cancel-payment";
import { cancelPaymentBody } from "@/lib/partnerships/schemas/payments";

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: cancelPaymentBody }, async ({ actor, params, body }) =>
  NextResponse.json(
    await cancelPayment({ actor, partnershipId: String(params.partnershipId), paymentId: String(params.paymentId), reason: body.reason }),
  ),
);
