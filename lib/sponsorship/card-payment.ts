/**
 * Card payments through Stripe, when the server has Stripe keys: each card payment is a
 * PaymentIntent the partner pays in the browser with Stripe.js; Stripe's webhook then
 * completes the payment (complete-payment.ts).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import { isUuid } from "../ids";
import { stripeClient, viaStripe } from "../partnerships/payment-provider";
import { partnerOf } from "./partner-of";

/** Whether partners can pay by card in the browser: Stripe keys for the server and for Stripe.js. */
export function cardPaymentsAvailable(): boolean {
  return Boolean(process.env.STRIPE_SECRET_KEY && process.env.STRIPE_PUBLISHABLE_KEY);
}

interface ChargeablePayment {
  id: string;
  partnerId: string;
  amountMinor: bigint;
  currency: string;
  reference: string;
}

/** The PaymentIntent for a payment, or null without Stripe keys. The same payment always gets the same intent. */
export async function createCardCharge(payment: ChargeablePayment): Promise<{ id: string; clientSecret: string } | null> {
  const stripe = stripeClient();
  if (!stripe) return null;
  const intent = await viaStripe(() =>
    stripe.paymentIntents.create(
      {
        amount: Number(payment.amountMinor),
        currency: payment.currency.toLowerCase(),
        description: `Harambee payment ${payment.reference}`,
        metadata: { partnerPaymentId: payment.id, partnerId: payment.partnerId, reference: payment.reference },
        automatic_payment_methods: { enabled: true },
      },
      // A retried request for the same payment reaches the same charge.
      { idempotencyKey: `partner_charge_${payment.id}` },
    ),
  );
  if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client secret`);
  return { id: intent.id, clientSecret: intent.client_secret };
}

/**
 * What the browser needs to pay a pending card payment: the client secret of its
 * PaymentIntent, created now if the payment was recorded before Stripe was set up.
 */
export async function cardPaymentSecret(options: { actor: Actor; paymentId: string }): Promise<{ clientSecret: string; amountMinor: bigint; currency: string; reference: string }> {
  const partnerId = partnerOf(options.actor);
  if (!isUuid(options.paymentId)) throw notFound("Payment");
  const db = getDb();
  const payment = await db.payment.findFirst({ where: { id: options.paymentId, partnerId } });
  if (!payment) throw notFound("Payment");
  if (payment.method !== "stripe") throw new AppError("conflict", "Only card payments are paid by card");
  if (payment.status !== "pending") throw new AppError("conflict", `Payment is already ${payment.status}`);
  const stripe = stripeClient();
  if (!stripe) throw new AppError("conflict", "Card payments are not available on this server; an administrator verifies this payment");

  let clientSecret: string;
  if (payment.providerRef) {
    const intent = await viaStripe(() => stripe.paymentIntents.retrieve(payment.providerRef!));
    if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client secret`);
    clientSecret = intent.client_secret;
  } else {
    const charge = (await createCardCharge(payment))!;
    // Concurrent requests get the same intent (same idempotency key); the first records it.
    await db.payment.updateMany({ where: { id: payment.id, providerRef: null }, data: { providerRef: charge.id } });
    clientSecret = charge.clientSecret;
  }
  return { clientSecret, amountMinor: payment.amountMinor, currency: payment.currency, reference: payment.reference };
}
