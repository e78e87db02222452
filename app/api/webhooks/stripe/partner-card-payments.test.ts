/**
 * A partner's card payment with Stripe configured, against a local fake of the Stripe
 * API: POST /partner/payments creates a PaymentIntent and answers its client secret;
 * Stripe's signed webhook then completes (or fails) the payment exactly once. Without
 * Stripe keys the sandbox stands in (or, with sandbox payments off, card payments are refused).
 */
import { disbursementPeriods } from "@/lib/sponsorship/disbursement-calendar";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { cardPaymentSecret } from "@/lib/sponsorship/card-payment";
import { closedPort, startFakeStripe, type FakeStripe } from "@/tests/fakes/stripe-server";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as webhook } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const SECRET = "whsec_test_partner_cards";
let fake: FakeStripe;
let savedSecret: string | undefined;
let partnerToken: string;
let partnerId: string;

beforeAll(async () => {
  fake = await startFakeStripe();
  fake.useFromApp({ secretKey: "sk_test_fake" });
  savedSecret = process.env.STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  partnerToken = await tokenFor("partner@demo.test");
  partnerId = (await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
});

afterAll(async () => {
  fake.restore();
  if (savedSecret === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
  else process.env.STRIPE_WEBHOOK_SECRET = savedSecret;
  await fake.close();
});

function sendEvent(type: string, object: Record<string, unknown>, id = `evt_${crypto.randomUUID().replaceAll("-", "")}`) {
  const payload = JSON.stringify({
    id,
    object: "event",
    api_version: "2025-01-27",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return call(webhook, "/api/webhooks/stripe", {
    method: "POST",
    rawBody: payload,
    headers: { "content-type": "application/json", "stripe-signature": signature },
  });
}

async function payByCard(body: Record<string, unknown>) {
  const res = await call(createPayment, "/api/v1/partner/payments", { token: partnerToken, body: { method: "stripe", ...body } });
  expect(res.status).toBe(201);
  const payment = res.body as { id: string; client_secret?: string; message: string };
  const row = await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } });
  const intent = fake.paymentIntents.get(row.providerRef!)!;
  return { payment, row, intent };
}

describe("partner card payments through Stripe", () => {
  it("creates a PaymentIntent for the payment and answers its client secret", async () => {
    const { payment, row, intent } = await payByCard({ amount: 1500 });
    expect(intent).toBeDefined();
    expect(payment.client_secret).toBe(intent.client_secret);
    expect(payment.message).toBe("Payment initiated. Enter your card details to complete it.");
    expect(intent).toMatchObject({ amount: 150000, currency: "kes", metadata: { partnerPaymentId: payment.id, partnerId } });
    expect(row.status).toBe("pending");
    const created = fake.requests.filter(
      (r) => r.method === "POST" && r.path === "/v1/payment_intents" && r.idempotencyKey === `partner_charge_${payment.id}`,
    );
    expect(created).toHaveLength(1);
  });

  it("completes the payment once when Stripe reports success, funding what it pays for", async () => {
    const sponsorship = await getDb().sponsorship.findFirstOrThrow({ where: { partnerId, status: "pending" }, orderBy: { id: "asc" } });
    const amount = Number(sponsorship.amountMinor / 100n);
    const { payment, intent } = await payByCard({ amount, sponsorship_ids: [sponsorship.id] });
    const succeeded = { ...intent, status: "succeeded" };

    const first = await sendEvent("payment_intent.succeeded", succeeded, "evt_partner_card_1");
    expect(first.status).toBe(200);
    // Stripe redelivers the event, and may report the same charge under a second event.
    expect((await sendEvent("payment_intent.succeeded", succeeded, "evt_partner_card_1")).status).toBe(200);
    expect((await sendEvent("payment_intent.succeeded", succeeded)).status).toBe(200);

    const db = getDb();
    const row = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, include: { invoice: true } });
    expect(row.status).toBe("completed");
    expect(row.receipt).toBe(intent.id);
    expect(row.invoice?.status).toBe("paid");
    expect((await db.sponsorship.findUniqueOrThrow({ where: { id: sponsorship.id } })).status).toBe("active");
    // One disbursement per monthly period, together the whole amount.
    const disbursements = await db.disbursement.findMany({ where: { paymentId: payment.id } });
    expect(disbursements).toHaveLength(disbursementPeriods(sponsorship).length);
    expect(disbursements.reduce((sum, d) => sum + d.amountMinor, 0n)).toBe(sponsorship.amountMinor);
  });

  it("fails the payment when Stripe reports a declined card, or charged a different amount", async () => {
    const declined = await payByCard({ amount: 700 });
    await sendEvent("payment_intent.payment_failed", {
      ...declined.intent,
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined", message: "Your card was declined." },
    });
    expect(await getDb().payment.findUniqueOrThrow({ where: { id: declined.payment.id } })).toMatchObject({
      status: "failed",
      failureReason: "Your card was declined.",
    });

    const tampered = await payByCard({ amount: 800 });
    await sendEvent("payment_intent.succeeded", { ...tampered.intent, status: "succeeded", amount: 100 });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: tampered.payment.id } });
    expect(row.status).toBe("failed");
    expect(row.failureReason).toContain("not the payment's amount");
  });

  it("ignores a charge that names a payment it does not belong to", async () => {
    const { payment } = await payByCard({ amount: 900 });
    const stranger = {
      id: "pi_not_ours",
      object: "payment_intent",
      amount: 90000,
      currency: "kes",
      status: "succeeded",
      metadata: { partnerPaymentId: payment.id },
    };
    expect((await sendEvent("payment_intent.succeeded", stranger)).status).toBe(200);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("pending");
  });

  it("gives the partner the pending card payment's client secret again, creating the intent if it has none", async () => {
    const actor = await actorByEmail("partner@demo.test");
    const { payment, intent } = await payByCard({ amount: 1100 });
    const again = await cardPaymentSecret({ actor, paymentId: payment.id });
    expect(again).toMatchObject({ clientSecret: intent.client_secret, amountMinor: 110000n, currency: "KES" });

    // A card payment with no charge yet (as seeded payments are): the intent is created on demand, once.
    const id = crypto.randomUUID();
    await getDb().payment.create({
      data: {
        id,
        partnerId,
        amountMinor: 120000n,
        currency: "KES",
        method: "stripe",
        status: "pending",
        reference: `ST_TEST_${id.slice(0, 8)}`,
      },
    });
    const first = await cardPaymentSecret({ actor, paymentId: id });
    const second = await cardPaymentSecret({ actor, paymentId: id });
    expect(second.clientSecret).toBe(first.clientSecret);
    const row = await getDb().payment.findUniqueOrThrow({ where: { id } });
    expect(fake.paymentIntents.get(row.providerRef!)).toMatchObject({ amount: 120000, metadata: { partnerPaymentId: id } });

    // Nobody else's payment, and only a pending card payment.
    const other = await actorByEmail("partner2@demo.test");
    await expect(cardPaymentSecret({ actor: other, paymentId: id })).rejects.toMatchObject({ code: "resource_not_found" });
    const bank = await call(createPayment, "/api/v1/partner/payments", {
      token: partnerToken,
      body: { method: "bank_transfer", amount: 300, bank_reference: "BT-CARD-TEST" },
    });
    await expect(cardPaymentSecret({ actor, paymentId: (bank.body as { id: string }).id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("answers 502 and records nothing when Stripe cannot be reached", async () => {
    const before = await getDb().payment.count({ where: { partnerId } });
    const invoicesBefore = await getDb().invoice.count({ where: { partnerId } });
    const savedPort = process.env.STRIPE_API_PORT;
    process.env.STRIPE_API_PORT = String(await closedPort());
    try {
      const res = await call(createPayment, "/api/v1/partner/payments", { token: partnerToken, body: { method: "stripe", amount: 650 } });
      expect(res.status).toBe(502);
      expect(res.body).toEqual({ detail: expect.stringContaining("nothing was charged") });
    } finally {
      process.env.STRIPE_API_PORT = savedPort;
    }
    expect(await getDb().payment.count({ where: { partnerId } })).toBe(before);
    expect(await getDb().invoice.count({ where: { partnerId } })).toBe(invoicesBefore);
  });

  it("makes a labelled sandbox charge, with no client secret, when Stripe is not configured", async () => {
    fake.restore();
    try {
      const res = await call(createPayment, "/api/v1/partner/payments", { token: partnerToken, body: { method: "stripe", amount: 400 } });
      expect(res.status).toBe(201);
      expect(res.body).not.toHaveProperty("client_secret");
      expect(res.body).toMatchObject({ sandbox: true, message: expect.stringContaining("Sandbox card payment: no card is charged") });
      const row = await getDb().payment.findUniqueOrThrow({ where: { id: (res.body as { id: string }).id } });
      expect(row).toMatchObject({ status: "pending", sandbox: true, providerRef: expect.stringMatching(/^pi_sandbox_/) });
    } finally {
      fake.useFromApp({ secretKey: "sk_test_fake" });
    }
  });

  it("refuses a card payment with 502 and records nothing without Stripe keys where sandbox payments are off", async () => {
    fake.restore();
    process.env.SANDBOX_PAYMENTS = "off";
    try {
      const before = await getDb().payment.count({ where: { partnerId } });
      const res = await call(createPayment, "/api/v1/partner/payments", { token: partnerToken, body: { method: "stripe", amount: 450 } });
      expect(res.status).toBe(502);
      expect(res.body).toEqual({ detail: "Card payments are not available on this server; nothing was charged or recorded." });
      expect(await getDb().payment.count({ where: { partnerId } })).toBe(before);
    } finally {
      delete process.env.SANDBOX_PAYMENTS;
      fake.useFromApp({ secretKey: "sk_test_fake" });
    }
  });

  it("keeps a sandbox charge out of Stripe: its card payment is not paid through Stripe", async () => {
    fake.restore();
    const res = await call(createPayment, "/api/v1/partner/payments", { token: partnerToken, body: { method: "stripe", amount: 460 } });
    fake.useFromApp({ secretKey: "sk_test_fake" });
    const actor = await actorByEmail("partner@demo.test");
    await expect(cardPaymentSecret({ actor, paymentId: (res.body as { id: string }).id })).rejects.toMatchObject({ code: "conflict" });
  });
});
