/**
 * The one place the Stripe SDK is set up: the API client (from STRIPE_SECRET_KEY; the
 * STRIPE_API_HOST/PORT/PROTOCOL settings point it at the local stand-in in tests), the
 * error mapping for its calls, and webhook signature verification.
 */
import Stripe from "stripe";
import { AppError } from "../errors";

export type StripeClient = Stripe;
export type StripeEvent = Stripe.Event;
export type StripePaymentIntent = Stripe.PaymentIntent;
export type StripePaymentIntentParams = Stripe.PaymentIntentCreateParams;

const clients = new Map<string, Stripe>();

/** The Stripe client for the current environment, or null without STRIPE_SECRET_KEY. Read on every call, so settings take effect without a restart. */
export function stripeClient(): StripeClient | null {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const host = process.env.STRIPE_API_HOST || undefined;
  const port = process.env.STRIPE_API_PORT || undefined;
  const protocol = process.env.STRIPE_API_PROTOCOL === "http" ? "http" : process.env.STRIPE_API_PROTOCOL === "https" ? "https" : undefined;
  const cacheKey = JSON.stringify([key, host, port, protocol]);
  let client = clients.get(cacheKey);
  if (!client) {
    client = new Stripe(key, { host, port, protocol, maxNetworkRetries: 2, timeout: 20_000 });
    clients.set(cacheKey, client);
  }
  return client;
}

/** The key Stripe.js needs in the browser to collect a card, or null when none is configured. */
export function stripePublishableKey(): string | null {
  return process.env.STRIPE_PUBLISHABLE_KEY || null;
}

/**
 * Calls Stripe; a refusal or an outage becomes a 502 that says nothing moved. Every call
 * carries an idempotency key, so retrying never charges or transfers twice.
 */
export async function viaStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new AppError(
        "payment_provider_unavailable",
        "The payment provider did not complete the request; nothing was charged or transferred. Please try again.",
        {
          providerErrorType: error.type,
          ...(error.code ? { providerErrorCode: error.code } : {}),
        },
      );
    }
    throw error;
  }
}

/** The event a webhook delivery carries, if its Stripe-Signature over the raw body is valid and fresh; throws otherwise. */
export function constructStripeEvent(rawBody: string, signature: string, webhookSecret: string): StripeEvent {
  return Stripe.webhooks.constructEvent(rawBody, signature, webhookSecret);
}
