/**
 * Stripe webhook endpoint. No bearer auth: the Stripe-Signature header over the raw
 * body (hence request.text(), never a parsed body) proves the sender.
 */
import { NextResponse, type NextRequest } from "next/server";
import { partnershipsErrorResponse } from "@/lib/api/partnerships-route";
import { handleStripeEvent, verifyStripeEvent } from "@/lib/partnerships/stripe-webhook";

export async function POST(request: NextRequest): Promise<Response> {
  try {
    const event = verifyStripeEvent({ rawBody: await request.text(), signature: request.headers.get("stripe-signature") });
    const { duplicate } = await handleStripeEvent(event);
    return NextResponse.json(duplicate ? { received: true, duplicate: true } : { received: true });
  } catch (error) {
    return partnershipsErrorResponse(error);
  }
}
