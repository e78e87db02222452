import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { completePayment } from "@/lib/sponsorship/complete-payment";
import { verifyPaymentBody } from "@/lib/sponsorship/schemas/payments";

/** An admin confirms (or rejects) a pending payment, e.g. after seeing a bank transfer arrive. */
export const POST = v1Route({ roles: ["admin"], body: verifyPaymentBody }, async ({ actor, body, params }) =>
  NextResponse.json(
    await completePayment({
      actor,
      paymentId: String(params.id),
      outcome: body.status,
      reason: body.reason,
      exchangeRate: body.exchange_rate,
      source: "admin",
    }),
  ),
);
