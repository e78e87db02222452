/**
 * Card payments. Each is a charge of the payment provider (payments/payment-provider.ts):
 * with Stripe keys, a PaymentIntent the partner pays in the browser with Stripe.js, which
 * Stripe's webhook then settles (settleCardPayment in complete-payment.ts). Without them,
 * where sandbox payments are enabled, a sandbox charge stands in: no card is charged, and
 * the partner completes (or cancels) it on the pay page, which settles it through the same
 * path as Stripe's report. Otherwise card payments are refused.
 */
import crypto from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { getPaymentProvider, type Charge } from "../payments/payment-provider";
import { stripePublishableKey } from "../payments/stripe-client";
import { settleCardPayment } from "./complete-payment";
import type { PaymentItem } from "./list-payments";
import { partnerOf } from "./partner-of";

/** Whether partners can pay by card here: Stripe keys for the server and for Stripe.js, or the sandbox. */
export function cardPaymentsAvailable(): boolean {
  const provider = getPaymentProvider();
  return provider.name === "sandbox" || (provider.name === "stripe" && stripePublishableKey() !== null);
}

export function cardPaymentsUnavailable(): AppError {
  return new AppError("payment_provider_unavailable", "Card payments are not available on this server; nothing was charged or recorded.");
}

interface ChargeablePayment {
  id: string;
  partnerId: string;
  amountMinor: bigint;
  currency: string;
  reference: string;
}

/**
 * The provider charge for a payment (502 where card payments are unavailable). The same
 * payment always reaches the same Stripe PaymentIntent.
 */
export function createCardCharge(payment: ChargeablePayment): Promise<Charge> {
  return getPaymentProvider().createCharge({
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    purpose: { kind: "partner_payment", paymentId: payment.id, partnerId: payment.partnerId, reference: payment.reference },
    // A retried request for the same payment reaches the same charge.
    idempotencyKey: `partner_charge_${payment.id}`,
  });
}

export interface CardPaymentSecretOptions {
  actor: Actor;
  paymentId: string;
}

export interface PayableCardPayment {
  paymentId: string;
  /** For Stripe.js; a sandbox charge's is never used to pay. */
  clientSecret: string;
  sandbox: boolean;
  amountMinor: bigint;
  currency: string;
  reference: string;
}

/**
 * What the browser needs to pay a pending card payment: its charge's client secret (the
 * charge is created now if the payment was recorded before card payments were set up),
 * and whether it is a sandbox charge.
 */
export async function cardPaymentSecret(options: CardPaymentSecretOptions): Promise<PayableCardPayment> {
  const partnerId = partnerOf(options.actor, "finance");
  const db = getDb();
  const payment = await findOrNotFound("Payment", options.paymentId, (id) => db.payment.findFirst({ where: { id, partnerId } }));
  if (payment.method !== "stripe") throw new AppError("conflict", "Only card payments are paid by card");
  if (payment.status !== "pending") throw new AppError("conflict", `Payment is already ${payment.status}`);
  const provider = getPaymentProvider();
  if (provider.name === "unavailable") throw new AppError("conflict", "Card payments are not available on this server");
  const sandbox = provider.name === "sandbox";
  // A charge lives with the provider that made it: a sandbox charge is never paid through Stripe, nor the reverse.
  if (payment.providerRef && payment.sandbox !== sandbox) {
    throw new AppError(
      "conflict",
      payment.sandbox
        ? "This sandbox card payment can be completed only where sandbox payments are on"
        : "This card payment can be paid only where Stripe is set up",
    );
  }

  let clientSecret: string;
  if (payment.providerRef) {
    clientSecret = await provider.chargeClientSecret(payment.providerRef);
  } else {
    const charge = await createCardCharge(payment);
    // Concurrent requests reach the same Stripe intent (same idempotency key); the first records its charge.
    await db.payment.updateMany({
      where: { id: payment.id, providerRef: null },
      data: { providerRef: charge.providerPaymentIntent, sandbox: charge.sandbox },
    });
    const { providerRef } = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { providerRef: true } });
    clientSecret = providerRef === charge.providerPaymentIntent ? charge.clientSecret : await provider.chargeClientSecret(providerRef!);
  }
  return {
    paymentId: payment.id,
    clientSecret,
    sandbox,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    reference: payment.reference,
  };
}

export interface AnswerSandboxCardPromptOptions {
  /** A pending sandbox card payment, checked by answerSandboxPrompt. */
  payment: { id: string; providerRef: string; amountMinor: bigint; currency: string };
  /** `approve` stands for the card payment succeeding; `cancel` for the card being declined. */
  action: "approve" | "cancel";
  now?: Date;
}

/**
 * Settles the simulated card payment as Stripe would report the charge: by the same code
 * as Stripe's webhook, so it completes (or fails) the payment exactly once.
 */
export async function answerSandboxCardPrompt(options: AnswerSandboxCardPromptOptions): Promise<PaymentItem> {
  const { payment } = options;
  const providerPaymentIntent = payment.providerRef;
  const settled = await getDb().$transaction((tx) =>
    settleCardPayment(tx, {
      paymentId: payment.id,
      providerPaymentIntent,
      amountMinor: Number(payment.amountMinor),
      currency: payment.currency,
      succeeded: options.action === "approve",
      reason: "The sandbox card payment was cancelled",
      receipt: `ch_sandbox_${crypto.randomBytes(12).toString("hex")}`,
      now: options.now,
    }),
  );
  if (!settled) throw notFound("Payment");
  return settled;
}
