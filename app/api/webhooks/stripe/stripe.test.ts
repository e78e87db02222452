/**
 * Escrow payments through Stripe, against a local fake of the Stripe API: charges,
 * signed webhooks (verified, applied once) and transfers to the creator on release.
 */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as confirm } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/confirm/route";
import { POST as release } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/release/route";
import { POST as initiate } from "@/app/api/partnerships/[partnershipId]/payments/route";
import { actorByEmail } from "@/tests/helpers/actors";
import { getDb } from "@/lib/db";
import { initiatePaymentResponse, paymentResponse, webhookResponse } from "@/lib/partnerships/schemas/payments";
import { resumePayment } from "@/lib/partnerships/resume-payment";
import { processPayout } from "@/lib/payouts/process-payout";
import { closedPort, startFakeStripe, type FakeStripe } from "@/tests/fakes/stripe-server";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as webhook } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const SECRET = "whsec_test_0123456789abcdef";
const WEBHOOK = "/api/webhooks/stripe";
let fake: FakeStripe;
let savedSecret: string | undefined;
let brand2: string;
let partnership: { id: string; initialId: string; finalId: string; initialMinor: bigint; finalMinor: bigint; stripeAccountId: string };

beforeAll(async () => {
  fake = await startFakeStripe();
  fake.useFromApp({ secretKey: "sk_test_fake" });
  savedSecret = process.env.STRIPE_WEBHOOK_SECRET;
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  brand2 = await tokenFor("brand2@demo.test");
  const p = await getDb().partnership.findFirstOrThrow({
    where: { status: "active", contract: { status: "active" }, payments: { every: { status: "pending" } } },
    include: { payments: true, creator: { include: { creatorProfile: true } } },
  });
  const pay = (type: string) => p.payments.find((x) => x.type === type)!;
  partnership = {
    id: p.id,
    initialId: pay("initial").id,
    finalId: pay("final").id,
    initialMinor: pay("initial").amountMinor,
    finalMinor: pay("final").amountMinor,
    stripeAccountId: p.creator.creatorProfile!.stripeAccountId!,
  };
});

afterAll(async () => {
  fake.restore();
  if (savedSecret === undefined) delete process.env.STRIPE_WEBHOOK_SECRET;
  else process.env.STRIPE_WEBHOOK_SECRET = savedSecret;
  await fake.close();
});

const base = () => `/api/partnerships/${partnership.id}/payments`;
const errorBody = (code: string) => ({ error: { code, message: expect.any(String), details: expect.any(Object) } });

/** A succeeded PaymentIntent as Stripe reports it: the amount and currency it charged. */
function succeeded(id: string, charged?: { amount: number; currency?: string }) {
  const intent = fake.paymentIntents.get(id) as { amount: number; currency: string } | undefined;
  const amount = charged?.amount ?? intent?.amount ?? 0;
  return {
    id,
    object: "payment_intent",
    status: "succeeded",
    amount,
    amount_received: amount,
    currency: charged?.currency ?? intent?.currency ?? "usd",
  };
}

function eventPayload(type: string, object: Record<string, unknown>, id = `evt_${crypto.randomUUID().replaceAll("-", "")}`): string {
  return JSON.stringify({
    id,
    object: "event",
    api_version: "2025-01-27",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  });
}

function sendWebhook(payload: string, options: { signature?: string | null; timestamp?: number; secret?: string } = {}) {
  const signature =
    options.signature === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? SECRET, timestamp: options.timestamp })
      : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["stripe-signature"] = signature;
  return call(webhook, WEBHOOK, { method: "POST", rawBody: payload, headers });
}

async function initiateAndCheck(type: "initial" | "final", paymentId: string, amountMinor: bigint) {
  const before = fake.requests.length;
  const res = await call(initiate, base(), {
    token: brand2,
    params: { partnershipId: partnership.id },
    body: { type, amount: Number(amountMinor) / 100, currency: "USD" },
  });
  expect(res.status).toBe(201);
  const { payment, paymentIntent } = initiatePaymentResponse.parse(res.body);
  expect(payment.id).toBe(paymentId);
  expect(paymentIntent.sandbox).toBe(false);
  const created = fake.requests.slice(before).filter((r) => r.method === "POST" && r.path === "/v1/payment_intents");
  expect(created).toHaveLength(1);
  expect(created[0]!.body).toMatchObject({
    amount: String(amountMinor),
    currency: "usd",
    transfer_group: `partnership_${partnership.id}`,
    metadata: { partnershipId: partnership.id, paymentId },
  });
  expect(created[0]!.idempotencyKey).toMatch(new RegExp(`^charge_${paymentId}`));
  const intent = fake.paymentIntents.get(payment.transactionId!)!;
  expect(intent).toBeDefined();
  expect(paymentIntent.clientSecret).toBe(intent.client_secret);
  return { payment, intent };
}

describe("Stripe escrow payments", () => {
  let intentId: string;

  it("initiates a payment by creating a PaymentIntent on Stripe", async () => {
    const { payment, intent } = await initiateAndCheck("initial", partnership.initialId, partnership.initialMinor);
    intentId = intent.id as string;
    expect(payment.transactionId).toBe(intentId);
    const row = await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: partnership.initialId } });
    expect(row).toMatchObject({ status: "pending", providerPaymentIntent: intentId });
    expect(row.initiatedAt).not.toBeNull();
  });

  it("gives the brand the started charge's client secret again, without a second charge, and nobody else", async () => {
    const actorOf = async (email: string) => actorByEmail(email);
    const before = fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents").length;
    const target = { partnershipId: partnership.id, paymentId: partnership.initialId };
    const resumed = await resumePayment({ actor: await actorOf("brand2@demo.test"), ...target });
    expect(resumed.paymentIntent).toEqual({ clientSecret: fake.paymentIntents.get(intentId)!.client_secret, sandbox: false });
    expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/payment_intents")).toHaveLength(before);
    const creatorEmail = (
      await getDb().partnership.findUniqueOrThrow({ where: { id: partnership.id }, select: { creator: { select: { email: true } } } })
    ).creator.email;
    await expect(resumePayment({ actor: await actorOf(creatorEmail), ...target })).rejects.toMatchObject({
      code: "insufficient_permissions",
    });
    await expect(resumePayment({ actor: await actorOf("brand@demo.test"), ...target })).rejects.toMatchObject({
      code: "resource_not_found",
    });
    await expect(
      resumePayment({ actor: await actorOf("brand2@demo.test"), partnershipId: partnership.id, paymentId: partnership.finalId }),
    ).rejects.toMatchObject({
      code: "invalid_state",
      message: "Payment has not been initiated",
    });
  });

  it("refuses the sandbox confirmation when Stripe is configured", async () => {
    const res = await call(confirm, `${base()}/${partnership.initialId}/confirm`, {
      token: brand2,
      params: { partnershipId: partnership.id, paymentId: partnership.initialId },
      method: "POST",
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: "invalid_state", message: "Payments are confirmed by Stripe" } });
  });

  it("rejects webhooks with a tampered payload or signature, a stale timestamp, no signature or no secret", async () => {
    const payload = eventPayload("payment_intent.succeeded", succeeded(intentId));
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const tampered = payload.replace(intentId, "pi_someone_else");
    const badSignature = header.replace(/v1=([0-9a-f])/, (_, c: string) => `v1=${c === "0" ? "1" : "0"}`);
    const stale = Math.floor(Date.now() / 1000) - Stripe.webhooks.DEFAULT_TOLERANCE - 60;
    const attempts = [
      await sendWebhook(tampered, { signature: header }),
      await sendWebhook(payload, { signature: badSignature }),
      await sendWebhook(payload, { secret: "whsec_wrong" }),
      await sendWebhook(payload, { timestamp: stale }),
      await sendWebhook(payload, { signature: null }),
    ];
    delete process.env.STRIPE_WEBHOOK_SECRET;
    attempts.push(await sendWebhook(payload));
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    for (const res of attempts) {
      expect(res.status).toBe(400);
      expect(res.body).toEqual(errorBody("invalid_request"));
    }
    expect((await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: partnership.initialId } })).status).toBe("pending");
    expect(await getDb().webhookEvent.count({ where: { provider: "stripe" } })).toBe(0);
  });

  it("funds the payment on payment_intent.succeeded, once per event id", async () => {
    const eventId = "evt_funds_initial";
    const payload = eventPayload("payment_intent.succeeded", succeeded(intentId), eventId);
    const first = await sendWebhook(payload);
    expect(first.status).toBe(200);
    expect(webhookResponse.parse(first.body)).toEqual({ received: true });
    const db = getDb();
    const funded = await db.partnershipPayment.findUniqueOrThrow({ where: { id: partnership.initialId } });
    expect(funded.status).toBe("in_progress");
    expect(funded.fundedAt).not.toBeNull();
    expect(await db.webhookEvent.findUnique({ where: { id: eventId } })).toMatchObject({
      provider: "stripe",
      type: "payment_intent.succeeded",
    });

    // Stripe redelivers: nothing changes.
    const replay = await sendWebhook(payload);
    expect(replay.status).toBe(200);
    expect(webhookResponse.parse(replay.body)).toEqual({ received: true, duplicate: true });
    const after = await db.partnershipPayment.findUniqueOrThrow({ where: { id: partnership.initialId } });
    expect(after.updatedAt).toEqual(funded.updatedAt);
    expect(after.fundedAt).toEqual(funded.fundedAt);
    const logs = await db.activityLog.findMany({ where: { partnershipId: partnership.id, type: "payment_funded" } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      userId: null,
      metadata: { paymentId: partnership.initialId, providerPaymentIntent: intentId, eventId },
    });

    // A different event for the same charge is recorded but funds nothing twice.
    const other = await sendWebhook(eventPayload("payment_intent.succeeded", succeeded(intentId)));
    expect(other.status).toBe(200);
    expect(await db.activityLog.count({ where: { partnershipId: partnership.id, type: "payment_funded" } })).toBe(1);
  });

  it("records unknown event types without effect", async () => {
    const payload = eventPayload("customer.created", { id: "cus_123", object: "customer" }, "evt_unknown_type");
    const res = await sendWebhook(payload);
    expect(res.status).toBe(200);
    expect(webhookResponse.parse(res.body)).toEqual({ received: true });
    expect(await getDb().webhookEvent.findUnique({ where: { id: "evt_unknown_type" } })).toMatchObject({ type: "customer.created" });
  });

  it("releases the funded payment, then pays it out with one Transfer, retrying while Stripe cannot be reached", async () => {
    const before = fake.requests.length;
    const res = await call(release, `${base()}/${partnership.initialId}/release`, {
      token: brand2,
      params: { partnershipId: partnership.id, paymentId: partnership.initialId },
      method: "POST",
    });
    expect(res.status).toBe(200);
    expect(paymentResponse.parse(res.body)).toMatchObject({ status: "completed", transactionId: intentId, payout: { status: "pending" } });
    // The release moves no money itself: the payout job transfers it (lib/payouts/process-payout.ts).
    expect(fake.requests.slice(before).filter((r) => r.path === "/v1/transfers")).toHaveLength(0);
    const { id: payoutId } = await getDb().payout.findUniqueOrThrow({ where: { paymentId: partnership.initialId } });

    const savedPort = process.env.STRIPE_API_PORT;
    process.env.STRIPE_API_PORT = String(await closedPort());
    try {
      await expect(processPayout({ payoutId, now: new Date() })).rejects.toMatchObject({
        code: "payment_provider_unavailable",
        details: { providerErrorType: "StripeConnectionError" },
      });
    } finally {
      process.env.STRIPE_API_PORT = savedPort;
    }
    const unsent = await getDb().payout.findUniqueOrThrow({ where: { id: payoutId } });
    expect(unsent).toMatchObject({ status: "pending", attempts: 1 });

    // The job's retry repeats the attempt with the same idempotency key.
    expect(await processPayout({ payoutId, now: new Date() })).toBe("paid");
    const transfers = fake.requests.slice(before).filter((r) => r.method === "POST" && r.path === "/v1/transfers");
    expect(transfers.map((t) => t.idempotencyKey)).toEqual([unsent.attemptRef]);
    expect(transfers[0]!.body).toMatchObject({
      amount: String(partnership.initialMinor),
      currency: "usd",
      destination: partnership.stripeAccountId,
      transfer_group: `partnership_${partnership.id}`,
    });
    const row = await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: partnership.initialId } });
    expect(fake.transfers.has(row.providerTransfer!)).toBe(true);
    expect(row.paidAt).not.toBeNull();
    expect(await getDb().payout.findUniqueOrThrow({ where: { id: payoutId } })).toMatchObject({
      status: "paid",
      providerRef: row.providerTransfer,
    });
  });

  it("marks a payment failed on payment_intent.payment_failed and lets the brand initiate it again", async () => {
    const first = await initiateAndCheck("final", partnership.finalId, partnership.finalMinor);
    const failed = await sendWebhook(
      eventPayload("payment_intent.payment_failed", {
        id: first.intent.id,
        object: "payment_intent",
        status: "requires_payment_method",
        last_payment_error: { code: "card_declined", message: "Your card was declined." },
      }),
    );
    expect(failed.status).toBe(200);
    const db = getDb();
    expect(await db.partnershipPayment.findUniqueOrThrow({ where: { id: partnership.finalId } })).toMatchObject({
      status: "failed",
      failureReason: "Your card was declined.",
    });
    expect(await db.activityLog.count({ where: { partnershipId: partnership.id, type: "payment_failed" } })).toBe(1);

    const retry = await initiateAndCheck("final", partnership.finalId, partnership.finalMinor);
    expect(retry.intent.id).not.toBe(first.intent.id);
    const funded = await sendWebhook(eventPayload("payment_intent.succeeded", succeeded(retry.intent.id as string)));
    expect(funded.status).toBe(200);
    expect(await db.partnershipPayment.findUniqueOrThrow({ where: { id: partnership.finalId } })).toMatchObject({
      status: "in_progress",
      failureReason: null,
    });
  });

  it("makes exactly one Transfer when 20 releases race, and completes the partnership", async () => {
    const db = getDb();
    await db.deliverable.updateMany({ where: { partnershipId: partnership.id }, data: { status: "approved", approvedAt: new Date() } });
    const before = fake.requests.length;
    const params = { partnershipId: partnership.id, paymentId: partnership.finalId };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(release, `${base()}/${partnership.finalId}/release`, { token: brand2, params, method: "POST" }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    // One payout, however often its job runs.
    const { id: payoutId } = await db.payout.findUniqueOrThrow({ where: { paymentId: partnership.finalId } });
    expect(await processPayout({ payoutId, now: new Date() })).toBe("paid");
    expect(await processPayout({ payoutId, now: new Date() })).toBe("paid");
    const transfers = fake.requests.slice(before).filter((r) => r.method === "POST" && r.path === "/v1/transfers");
    expect(transfers).toHaveLength(1);
    expect(transfers[0]!.body).toMatchObject({
      amount: String(partnership.finalMinor),
      destination: partnership.stripeAccountId,
      transfer_group: `partnership_${partnership.id}`,
    });
    expect((await db.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).status).toBe("completed");
  });
});
