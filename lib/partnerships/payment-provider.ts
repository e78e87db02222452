/**
 * Where escrow money moves. With STRIPE_SECRET_KEY set, payments are real Stripe
 * "separate charges and transfers": the brand pays a PaymentIntent into the platform
 * account, and release transfers the amount to the creator's connected account; both
 * share the partnership's transfer_group. Without it, a sandbox provider simulates
 * both so the workflow can be exercised end to end (where sandbox payments are enabled:
 * payments/sandbox-mode.ts). Callers never ask which one runs.
 */
import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { AppError } from "../errors";
import { sandboxPaymentsEnabled } from "../payments/sandbox-mode";

/**
 * Calls Stripe; a refusal or an outage becomes a 502 that says nothing moved. Every call
 * carries an idempotency key, so retrying never charges or transfers twice.
 */
export async function viaStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new AppError("payment_provider_unavailable", "The payment provider did not complete the request; nothing was charged or transferred. Please try again.", {
        providerErrorType: error.type,
        ...(error.code ? { providerErrorCode: error.code } : {}),
      });
    }
    throw error;
  }
}

export interface CreateChargeInput {
  amountMinor: bigint;
  currency: string;
  partnershipId: string;
  paymentId: string;
  idempotencyKey: string;
}

export interface TransferInput {
  amountMinor: bigint;
  currency: string;
  destinationAccount: string;
  transferGroup: string;
  paymentId: string;
  idempotencyKey: string;
}

export interface PaymentProvider {
  name: "stripe" | "sandbox" | "unavailable";
  createCharge(input: CreateChargeInput): Promise<{ providerPaymentIntent: string; clientSecret: string; sandbox: boolean }>;
  /** The client secret of a charge already created, so a brand who left the page can finish paying. */
  chargeClientSecret(providerPaymentIntent: string): Promise<string>;
  transferToCreator(input: TransferInput): Promise<{ providerTransfer: string }>;
}

export const transferGroupFor = (partnershipId: string) => `partnership_${partnershipId}`;

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
};

const unavailable = () =>
  new AppError("payment_provider_unavailable", "Payments are not available on this server: it has no Stripe keys and sandbox payments are off. Nothing was charged or transferred.");

/** In production without Stripe keys (and without SANDBOX_PAYMENTS=on): every money movement is refused. */
export const unavailableProvider: PaymentProvider = {
  name: "unavailable",
  async createCharge() {
    throw unavailable();
  },
  async chargeClientSecret() {
    throw unavailable();
  },
  async transferToCreator() {
    throw unavailable();
  },
};

export function stripeProvider(stripe: Stripe): PaymentProvider {
  return {
    name: "stripe",
    async createCharge(input) {
      const intent = await viaStripe(() =>
        stripe.paymentIntents.create(
          {
            amount: Number(input.amountMinor),
            currency: input.currency.toLowerCase(),
            transfer_group: transferGroupFor(input.partnershipId),
            metadata: { partnershipId: input.partnershipId, paymentId: input.paymentId },
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
  };
}

const clients = new Map<string, Stripe>();

/** The Stripe client for the current environment (host/port/protocol point tests at a fake). */
export function stripeClient(): Stripe | null {
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

/** Read on every call so configuration changes (and tests) take effect without a restart. */
export function getPaymentProvider(): PaymentProvider {
  const stripe = stripeClient();
  if (stripe) return stripeProvider(stripe);
  return sandboxPaymentsEnabled() ? sandboxProvider : unavailableProvider;
}
