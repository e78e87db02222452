/**
 * OWASP API6 (unrestricted access to sensitive business flows) and API10 (unsafe
 * consumption of APIs): money cannot be faked. Probes that once got through: a forged
 * M-Pesa callback completing a payment when no callback token was configured, and a
 * correctly signed Stripe event for 1 cent funding a 50 USD escrow payment.
 */
import Stripe from "stripe";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as confirmPayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/confirm/route";
import { POST as initiatePayment } from "@/app/api/partnerships/[partnershipId]/payments/route";
import { POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { POST as mpesaCallback } from "@/app/api/v1/payments/mpesa/callback/[token]/route";
import { POST as stripeWebhook } from "@/app/api/webhooks/stripe/route";
import { getDb } from "@/lib/db";
import { signedPartnership } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

let partner: string;
let brand: string;
let creator: string;
let creatorId: string;
let brandId: string;

beforeAll(async () => {
  [partner, brand, creator] = await Promise.all(["partner@demo.test", "brand@demo.test", "creator@demo.test"].map(tokenFor));
  creatorId = (await getDb().user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
  brandId = (await getDb().user.findUniqueOrThrow({ where: { email: "brand@demo.test" } })).id;
});

afterEach(() => {
  delete process.env.DARAJA_CALLBACK_TOKEN;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete process.env.SANDBOX_PAYMENTS;
});

/** A pending M-Pesa payment of the demo partner funding two pending sponsorships, prompted through Safaricom. */
async function pendingMpesaPayment() {
  const db = getDb();
  const partnerId = (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
  // Sponsorships no other pending payment covers yet (a second one for them would be refused as double funding).
  const sponsorships = await db.sponsorship.findMany({
    where: { partnerId, status: "pending", payments: { none: { payment: { status: "pending" } } } },
    take: 2,
    orderBy: { id: "asc" },
  });
  expect(sponsorships).toHaveLength(2);
  const made = await call(createPayment, "/api/v1/partner/payments", {
    token: partner,
    body: { amount: 5000, method: "mpesa", phone_number: "0712345678", sponsorship_ids: sponsorships.map((s) => s.id) },
  });
  expect(made.status).toBe(201);
  await db.payment.update({ where: { id: made.body.id }, data: { sandbox: false } });
  return {
    paymentId: made.body.id as string,
    checkoutRequestId: made.body.checkout_request_id as string,
    sponsorshipIds: sponsorships.map((s) => s.id),
  };
}

const paidCallback = (checkoutRequestId: string, amount: number) => ({
  Body: {
    stkCallback: {
      MerchantRequestID: "1-2-3",
      CheckoutRequestID: checkoutRequestId,
      ResultCode: 0,
      ResultDesc: "The service request is processed successfully.",
      CallbackMetadata: {
        Item: [
          { Name: "Amount", Value: amount },
          { Name: "MpesaReceiptNumber", Value: "FORGED0001" },
          { Name: "PhoneNumber", Value: 254712345678 },
        ],
      },
    },
  },
});

async function effects(paymentId: string, sponsorshipIds: string[]) {
  const db = getDb();
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, include: { invoice: true } });
  const active = await db.sponsorship.count({ where: { id: { in: sponsorshipIds }, status: "active" } });
  const disbursed = await db.disbursement.count({ where: { paymentId } });
  return { status: payment.status, invoice: payment.invoice?.status, active, disbursed };
}

describe("API6: a forged M-Pesa callback changes nothing", () => {
  it("is refused without a configured callback token, and with a wrong one", async () => {
    const { paymentId, checkoutRequestId, sponsorshipIds } = await pendingMpesaPayment();
    const unconfigured = await call(mpesaCallback, "/api/v1/payments/mpesa/callback/the-real-token", {
      body: paidCallback(checkoutRequestId, 5000),
    });
    expect(unconfigured.status).toBe(404);
    process.env.DARAJA_CALLBACK_TOKEN = "the-real-token";
    const guessed = await call(mpesaCallback, "/api/v1/payments/mpesa/callback/the-real-tokeN", {
      body: paidCallback(checkoutRequestId, 5000),
    });
    expect(guessed.status).toBe(404);
    expect(await effects(paymentId, sponsorshipIds)).toEqual({ status: "pending", invoice: "sent", active: 0, disbursed: 0 });
  });

  it("with the right token still completes nothing that was not paid in full", async () => {
    const { paymentId, checkoutRequestId, sponsorshipIds } = await pendingMpesaPayment();
    process.env.DARAJA_CALLBACK_TOKEN = "the-real-token";
    const short = await call(mpesaCallback, "/api/v1/payments/mpesa/callback/the-real-token", {
      body: paidCallback(checkoutRequestId, 1),
    });
    expect(short.status).toBe(200);
    expect(await effects(paymentId, sponsorshipIds)).toEqual({ status: "failed", invoice: "void", active: 0, disbursed: 0 });
  });
});

describe("API10: Stripe's word is checked against the payment", () => {
  const SECRET = "whsec_security_suite";
  function signedEvent(intentId: string, amount: number, currency = "usd") {
    const payload = JSON.stringify({
      id: `evt_${crypto.randomUUID().replaceAll("-", "")}`,
      object: "event",
      type: "payment_intent.succeeded",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: intentId, object: "payment_intent", status: "succeeded", amount, amount_received: amount, currency } },
    });
    return { payload, signature: Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }) };
  }
  const send = ({ payload, signature }: { payload: string; signature: string }) =>
    call(stripeWebhook, "/api/webhooks/stripe", { rawBody: payload, headers: { "stripe-signature": signature } });

  it("does not fund an escrow payment from a correctly signed event for less, or in another currency", async () => {
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    const { partnershipId } = await signedPartnership({ brand, creator, creatorId, brandId, amount: 100 });
    const initiated = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "initial", amount: 50, currency: "USD" },
    });
    expect(initiated.status).toBe(201);
    const paymentId = initiated.body.payment.id as string;
    const intentId = initiated.body.payment.transactionId as string;

    expect((await send(signedEvent(intentId, 1))).status).toBe(200);
    const db = getDb();
    const afterShort = await db.partnershipPayment.findUniqueOrThrow({ where: { id: paymentId } });
    expect(afterShort).toMatchObject({
      status: "failed",
      failureReason: "Stripe charged USD 0.01, not the payment's USD 50.00",
      fundedAt: null,
    });
    expect(await db.activityLog.count({ where: { partnershipId, type: "payment_funded" } })).toBe(0);

    // Initiated again, a charge in another currency funds nothing either; the right charge does.
    const again = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "initial", amount: 50, currency: "USD" },
    });
    const retryIntent = again.body.payment.transactionId as string;
    await send(signedEvent(retryIntent, 5000, "eur"));
    expect((await db.partnershipPayment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("failed");
    const third = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "initial", amount: 50, currency: "USD" },
    });
    await send(signedEvent(third.body.payment.transactionId as string, 5000));
    expect((await db.partnershipPayment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("in_progress");
  });
});

describe("API6: no sandbox money in production unless asked for", () => {
  it("refuses escrow charges, sandbox confirmations and M-Pesa with 502 when sandbox payments are off and no provider is configured", async () => {
    const { partnershipId, payments } = await signedPartnership({ brand, creator, creatorId, brandId, amount: 100 });
    process.env.SANDBOX_PAYMENTS = "off";
    const charge = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "initial", amount: 50, currency: "USD" },
    });
    expect(charge.status).toBe(502);
    expect(charge.body.error.code).toBe("payment_provider_unavailable");
    const initial = payments.find((p) => p.type === "initial")!;
    expect(
      (await call(confirmPayment, "/x", { token: brand, params: { partnershipId, paymentId: initial.id }, method: "POST" })).status,
    ).toBe(409);
    const mpesa = await call(createPayment, "/api/v1/partner/payments", {
      token: partner,
      body: { amount: 10, method: "mpesa", phone_number: "0712345678" },
    });
    expect(mpesa.status).toBe(502);
    expect((await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: initial.id } })).status).toBe("pending");
  });
});
