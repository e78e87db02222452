/**
 * Stripe's webhook, for escrow charges and partners' card payments alike: verifies the
 * signature over the raw body, then applies each event exactly once. The event id is
 * recorded in the same transaction as its effect, so a redelivered event (Stripe
 * retries until it gets a 2xx) changes nothing.
 */
import { getDb, type DbTx } from "../db";
import { AppError } from "../errors";
import { partnerPaymentIdOf } from "../payments/payment-provider";
import { constructStripeEvent, type StripeEvent, type StripePaymentIntent } from "../payments/stripe-client";
import { settleCardPayment } from "../sponsorship/complete-payment";
import { markPaymentFailed } from "./mark-payment-failed";
import { markPaymentFunded } from "./mark-payment-funded";

/** What Stripe actually took: the amount received once a charge succeeded (-1 when the event does not say). */
const chargedAmount = (intent: StripePaymentIntent): number =>
  typeof intent.amount_received === "number" && intent.amount_received > 0
    ? intent.amount_received
    : typeof intent.amount === "number"
      ? intent.amount
      : -1;

/** A partner's card payment carries its payment id; an escrow charge does not. */
async function settlePartnerCharge(tx: DbTx, intent: StripePaymentIntent, succeeded: boolean, reason?: string): Promise<boolean> {
  const paymentId = partnerPaymentIdOf(intent);
  if (!paymentId) return false;
  const charge = typeof intent.latest_charge === "string" ? intent.latest_charge : intent.latest_charge?.id;
  await settleCardPayment(tx, {
    paymentId,
    providerPaymentIntent: intent.id,
    amountMinor: chargedAmount(intent),
    currency: intent.currency,
    succeeded,
    reason,
    receipt: charge ?? intent.id,
  });
  return true;
}

/** The verified event, or 400 invalid_request for a missing secret or a bad or stale signature. */
export function verifyStripeEvent(options: { rawBody: string; signature: string | null }): StripeEvent {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("invalid_request", "Stripe webhooks are not configured on this server");
  if (!options.signature) throw new AppError("invalid_request", "Missing Stripe-Signature header");
  try {
    return constructStripeEvent(options.rawBody, options.signature, secret);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "invalid signature";
    throw new AppError("invalid_request", `Webhook signature verification failed: ${reason}`);
  }
}

export async function handleStripeEvent(event: StripeEvent): Promise<{ duplicate: boolean }> {
  return getDb().$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.createMany({
      data: [{ id: event.id, provider: "stripe", type: event.type }],
      skipDuplicates: true,
    });
    if (count === 0) return { duplicate: true };
    switch (event.type) {
      case "payment_intent.succeeded":
        if (await settlePartnerCharge(tx, event.data.object, true)) break;
        await markPaymentFunded(tx, {
          providerPaymentIntent: event.data.object.id,
          eventId: event.id,
          charged: { amountMinor: BigInt(chargedAmount(event.data.object)), currency: String(event.data.object.currency ?? "") },
        });
        break;
      case "payment_intent.payment_failed": {
        const intent = event.data.object;
        const reason = intent.last_payment_error?.message ?? intent.last_payment_error?.code ?? "The payment was declined";
        if (await settlePartnerCharge(tx, intent, false, reason)) break;
        await markPaymentFailed(tx, { providerPaymentIntent: intent.id, reason, eventId: event.id });
        break;
      }
      default:
        // Recorded so that it is acknowledged once; nothing else to do.
        break;
    }
    return { duplicate: false };
  });
}
