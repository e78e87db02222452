/** Sandbox only: stands in for Stripe's payment_intent.succeeded when no provider is configured. */
import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { confirmSandboxPayment } from "@/lib/partnerships/confirm-sandbox-payment";

export const POST = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(
    await confirmSandboxPayment({ actor, partnershipId: String(params.partnershipId), paymentId: String(params.paymentId) }),
  ),
);
