/**
 * Stripe webhook endpoint. No bearer auth: the Stripe-Signature header over the raw
 * body (read as text within its size limit, never parsed first) proves the sender.
 */
import { NextResponse, type NextRequest } from "next/server";
import { partnershipsErrorResponse } from "@/lib/api/partnerships-route";
import { addressKey, enforceRateLimit, rateLimitPerMinute } from "@/lib/api/rate-limit";
import { BODY_LIMITS, readBodyText } from "@/lib/http/body";
import { clientAddressOf } from "@/lib/http/client-address";
import { handleStripeEvent, verifyStripeEvent } from "@/lib/partnerships/stripe-webhook";

// Stripe delivers in bursts from few addresses, and retries what is refused.
const WEBHOOK_ALLOWANCE = 10;

export async function POST(request: NextRequest): Promise<Response> {
  try {
    await enforceRateLimit(`webhook:${addressKey(clientAddressOf(request))}`, { limit: rateLimitPerMinute() * WEBHOOK_ALLOWANCE });
    const event = verifyStripeEvent({
      rawBody: await readBodyText(request, BODY_LIMITS.stripeWebhook),
      signature: request.headers.get("stripe-signature"),
    });
    const { duplicate } = await handleStripeEvent(event);
    return NextResponse.json(duplicate ? { received: true, duplicate: true } : { received: true });
  } catch (error) {
    return partnershipsErrorResponse(error);
  }
}
