/**
 * Where card money moves, for partners' payments and for partnership escrow alike.
 * With STRIPE_SECRET_KEY set, every charge is a Stripe PaymentIntent the payer confirms
 * in the browser, and Stripe's webhook reports the result. Escrow uses Stripe's
 * "separate charges and transfers": the brand's charge goes to the platform account and
 * release transfers the amount to the creator's connected account, both sharing the
 * partnership's transfer_group. Without Stripe keys, and where sandbox payments are
 * enabled (sandbox-mode.ts), a sandbox provider simulates charges and transfers so the
 * workflows can be exercised end to end; otherwise every money movement is refused.
 * Callers never ask which one runs.
 */
import { randomBytes } from "node:crypto";
import { AppError } from "../errors";
import { sandboxPaymentsEnabled } from "./sandbox-mode";
import { stripeClient, viaStripe, type StripeClient, type StripePaymentIntent, type StripePaymentIntentParams } from "./stripe-client";

/** What a charge pays for; it decides what the charge carries for the webhook to find its payment again. */
export type ChargePurpose =
  | { kind: "partner_payment"; paymentId: string; partnerId: string; reference: string }
  | { kind: "escrow"; partnershipId: string; paymentId: string };

export interface CreateChargeInput {
  amountMinor: bigint;
  currency: string;
  purpose: ChargePurpose;
  /** Derived from the payment, so a retried request reaches the same charge. */
  idempotencyKey: string;
}

export interface Charge {
  providerPaymentIntent: string;
  /** What the browser confirms the charge with; a sandbox charge's is never used to pay. */
  clientSecret: string;
  sandbox: boolean;
}

export interface TransferInput {
  amountMinor: bigint;
  currency: string;
  destinationAccount: string;
  transferGroup: string;
  paymentId: string;
  idempotencyKey: string;
}

export interface RefundInput {
  /** The charge the money came in with. */
  providerPaymentIntent: string;
  /** Part of the charge (a split dispute) or all of it. */
  amountMinor: bigint;
  currency: string;
  paymentId: string;
  /** Derived from the payment, so a payment is refunded at most once. */
  idempotencyKey: string;
}

export interface Refund {
  providerRefund: string;
  sandbox: boolean;
}

export interface PaymentProvider {
  name: "stripe" | "sandbox" | "unavailable";
  createCharge(input: CreateChargeInput): Promise<Charge>;
  /** The client secret of a charge already created, so a payer who left the page can finish paying. */
  chargeClientSecret(providerPaymentIntent: string): Promise<string>;
  transferToCreator(input: TransferInput): Promise<{ providerTransfer: string }>;
  /** Returns escrowed money to the payer, on the charge it came in with. */
  refundCharge(input: RefundInput): Promise<Refund>;
}

export const transferGroupFor = (partnershipId: string) => `partnership_${partnershipId}`;

/** The partner payment a charge is for, or null for an escrow charge (or one that is not ours). */
export function partnerPaymentIdOf(intent: StripePaymentIntent): string | null {
  return intent.metadata?.partnerPaymentId || null;
}

const random = (bytes = 12) => randomBytes(bytes).toString("hex");

export const sandboxProvider: PaymentProvider = {
  name: "sandbox",
  async createCharge() {
    const providerPaymentIntent = `pi_sandbox_${random()}`;
    return { providerPaymentIntent, clientSecret: `${providerPaymentIntent}_secret_${random()}`, sandbox: true };
  },
  async chargeClientSecret(providerPaymentIntent) {
    // Sandbox charges are confirmed on the server; the secret is never used to pay.
    return `${providerPaymentIntent}_secret_sandbox`;
  },
  async transferToCreator() {
    return { providerTransfer: `tr_sandbox_${random()}` };
  },
  async refundCharge() {
    return { providerRefund: `sandbox_re_${random()}`, sandbox: true };
  },
};

export const paymentsUnavailable = () =>
  new AppError(
    "payment_provider_unavailable",
    "Payments are not available on this server: it has no Stripe keys and sandbox payments are off. Nothing was charged or transferred.",
  );

/** In production without Stripe keys (and without SANDBOX_PAYMENTS=on): every money movement is refused. */
export const unavailableProvider: PaymentProvider = {
  name: "unavailable",
  async createCharge() {
    throw paymentsUnavailable();
  },
  async chargeClientSecret() {
    throw paymentsUnavailable();
  },
  async transferToCreator() {
    throw paymentsUnavailable();
  },
  async refundCharge() {
    throw paymentsUnavailable();
  },
};

/** What a PaymentIntent carries besides its amount, by what it pays for. */
function intentDetails(purpose: ChargePurpose): Pick<StripePaymentIntentParams, "description" | "metadata" | "transfer_group"> {
  switch (purpose.kind) {
    case "partner_payment":
      return {
        description: `Harambee payment ${purpose.reference}`,
        metadata: { partnerPaymentId: purpose.paymentId, partnerId: purpose.partnerId, reference: purpose.reference },
      };
    case "escrow":
      return {
        transfer_group: transferGroupFor(purpose.partnershipId),
        metadata: { partnershipId: purpose.partnershipId, paymentId: purpose.paymentId },
      };
  }
}

export function stripeProvider(stripe: StripeClient): PaymentProvider {
  return {
    name: "stripe",
    async createCharge(input) {
      const intent = await viaStripe(() =>
        stripe.paymentIntents.create(
          {
            amount: Number(input.amountMinor),
            currency: input.currency.toLowerCase(),
            ...intentDetails(input.purpose),
            automatic_payment_methods: { enabled: true },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client secret`);
      return { providerPaymentIntent: intent.id, clientSecret: intent.client_secret, sandbox: false };
    },
    async chargeClientSecret(providerPaymentIntent) {
      const intent = await viaStripe(() => stripe.paymentIntents.retrieve(providerPaymentIntent));
      if (!intent.client_secret) throw new Error(`Stripe returned PaymentIntent ${intent.id} without a client secret`);
      return intent.client_secret;
    },
    async transferToCreator(input) {
      const transfer = await viaStripe(() =>
        stripe.transfers.create(
          {
            amount: Number(input.amountMinor),
            currency: input.currency.toLowerCase(),
            destination: input.destinationAccount,
            transfer_group: input.transferGroup,
            metadata: { paymentId: input.paymentId },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { providerTransfer: transfer.id };
    },
    async refundCharge(input) {
      const refund = await viaStripe(() =>
        stripe.refunds.create(
          {
            payment_intent: input.providerPaymentIntent,
            amount: Number(input.amountMinor),
            metadata: { paymentId: input.paymentId },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { providerRefund: refund.id, sandbox: false };
    },
  };
}

/** Read on every call so configuration changes (and tests) take effect without a restart. */
export function getPaymentProvider(): PaymentProvider {
  const stripe = stripeClient();
  if (stripe) return stripeProvider(stripe);
  return sandboxPaymentsEnabled() ? sandboxProvider : unavailableProvider;
}
