/**
 * Safaricom's STK push result callback. Safaricom signs nothing, so the URL registered
 * as CallBackURL carries a shared secret, `?token=<MPESA_CALLBACK_TOKEN>`, compared in
 * constant time. Without a configured secret every call is refused: nobody can report a
 * payment as paid. Results are then checked against the payment (amount and phone) and
 * applied once per CheckoutRequestID (lib/sponsorship/mpesa.ts).
 */
import crypto from "node:crypto";
import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { AppError } from "@/lib/errors";
import { BODY_LIMITS } from "@/lib/http/body";
import { applyStkResult, MPESA_ACCEPTED, mpesaCallbackBody } from "@/lib/sponsorship/mpesa";

function tokenMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export const POST = publicV1Route(
  {
    body: mpesaCallbackBody,
    bodyLimit: BODY_LIMITS.mpesaCallback,
    before: (request) => {
      const expected = process.env.MPESA_CALLBACK_TOKEN?.trim();
      if (!expected || !tokenMatches(request.nextUrl.searchParams.get("token"), expected)) {
        throw new AppError("authentication_required", "Not authenticated");
      }
    },
  },
  async ({ body }) => {
    const result = body.Body.stkCallback;
    const applied = await applyStkResult({ result, source: "safaricom" });
    // Acknowledged either way: an unknown id is logged for reconciliation, not retried by Safaricom.
    if (!applied) console.warn(`M-Pesa result for unknown CheckoutRequestID ${result.CheckoutRequestID}`);
    return NextResponse.json(MPESA_ACCEPTED);
  },
);
