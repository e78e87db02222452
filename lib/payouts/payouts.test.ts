import { TestClock, type PgBoss } from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getMethod, PUT as putMethod } from "@/app/api/partnerships/payout-method/route";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue-names";
import { runDueJobs } from "@/lib/jobs/queues";
import { recordLedgerMovement } from "@/lib/partnerships/record-ledger-movement";
import { releaseToCreator } from "@/lib/partnerships/release-to-creator";
import { actorByEmail } from "@/tests/helpers/actors";
import { signedPartnership } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { deliverCallbacksHere, postCallback } from "@/tests/helpers/daraja-callbacks";
import { FAKE_DARAJA_ENV, startFakeDaraja, type FakeDaraja } from "@/tests/fakes/daraja-server";
import { startFakeStripe, type FakeStripe } from "@/tests/fakes/stripe-server";
import { setPayoutMethod } from "./payout-method";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

let boss: PgBoss;
let clock: TestClock;
let daraja: FakeDaraja;
let stripe: FakeStripe;
let brand: Actor, creator: Actor;
let tokens: { brand: string; creator: string };

beforeAll(async () => {
  daraja = await startFakeDaraja();
  Object.assign(process.env, FAKE_DARAJA_ENV, { DARAJA_BASE_URL: daraja.url });
  deliverCallbacksHere(daraja);
  stripe = await startFakeStripe();
  clock = new TestClock(Date.now());
  boss = await startBoss({ clock, background: false });
  [brand, creator] = await Promise.all([actorByEmail("brand@demo.test"), actorByEmail("creator@demo.test")]);
  tokens = { brand: await tokenFor("brand@demo.test"), creator: await tokenFor("creator@demo.test") };
});

afterAll(async () => {
  await stopBoss();
  stripe.restore();
  await Promise.all([daraja.close(), stripe.close()]);
  for (const key of [...Object.keys(FAKE_DARAJA_ENV), "DARAJA_BASE_URL"]) delete process.env[key];
});

beforeEach(async () => {
  await clock.setTime(Date.now());
  daraja.behaviour = { kind: "succeed" };
});

/** A payment of a fresh partnership, charged in `currency` and released to the creator; returns its payout. */
async function released(currency: "KES" | "USD", amount?: number) {
  const { payments } = await signedPartnership({
    brand: tokens.brand,
    creator: tokens.creator,
    brandId: brand.id,
    creatorId: creator.id,
    ...(amount ? { amount } : {}),
  });
  const at = new Date();
  await getDb().$transaction(async (tx) => {
    const payment = await tx.partnershipPayment.update({ where: { id: payments[0]!.id }, data: { currency, status: "in_progress" } });
    await recordLedgerMovement(tx, { movement: "charge", payment, at });
    await releaseToCreator(tx, { payment, creatorId: creator.id, at });
  });
  return getDb().payout.findUnique({ where: { paymentId: payments[0]!.id } });
}

const payout = (id: string) => getDb().payout.findUniqueOrThrow({ where: { id } });
const payoutMovements = (paymentId: string) =>
  getDb().ledgerEntry.count({ where: { paymentId, movement: "payout", account: "creator_paid_out" } });
const useMpesa = () => setPayoutMethod({ actor: creator, method: "mpesa", country: "KE", mpesaPhone: "0712 345 678" });
const paymentsTo = (attemptRef: string | null) => daraja.payments().filter((r) => r.body.OriginatorConversationID === attemptRef);

describe("M-Pesa payouts through Daraja (stand-in)", () => {
  it("pays a released payment by B2C, and applies a duplicate result once", async () => {
    await useMpesa();
    const created = (await released("KES"))!;
    expect(created).toMatchObject({ status: "pending", method: "mpesa", destination: "254712345678", attempts: 0 });

    expect(await runDueJobs(boss, QUEUES.payout)).toBe(1);
    const sent = await payout(created.id);
    expect(sent).toMatchObject({ status: "pending", attempts: 1, sandbox: false });
    const [request] = paymentsTo(sent.attemptRef);
    expect(request!.body).toMatchObject({
      CommandID: "BusinessPayment",
      Amount: Number(created.amountMinor / 100n),
      PartyA: "600000",
      PartyB: "254712345678",
      InitiatorName: "testapi",
      SecurityCredential: FAKE_DARAJA_ENV.DARAJA_SECURITY_CREDENTIAL,
      ResultURL: `https://harambee.test/api/payouts/mpesa/result/${FAKE_DARAJA_ENV.DARAJA_CALLBACK_TOKEN}`,
    });
    expect(sent.providerRef).toBe(daraja.transactions.get(sent.attemptRef!)!.conversationId);

    await daraja.settled();
    expect(await runDueJobs(boss, QUEUES.mpesaResult)).toBe(1);
    const paid = await payout(created.id);
    expect(paid).toMatchObject({ status: "paid", receipt: daraja.transactions.get(sent.attemptRef!)!.receipt });
    expect(await payoutMovements(created.paymentId)).toBe(1);

    // Safaricom delivers the same result again.
    const transaction = daraja.transactions.get(sent.attemptRef!)!;
    const again = await postCallback("result", FAKE_DARAJA_ENV.DARAJA_CALLBACK_TOKEN, {
      Result: {
        ResultType: 0,
        ResultCode: 0,
        ResultDesc: "ok",
        OriginatorConversationID: transaction.originatorConversationId,
        ConversationID: transaction.conversationId,
        TransactionID: transaction.receipt,
      },
    });
    expect(again).toEqual({ status: 200, body: { ResultCode: 0, ResultDesc: "Accepted" } });
    expect(await runDueJobs(boss, QUEUES.mpesaResult)).toBe(1);
    expect(await payout(created.id)).toMatchObject({ status: "paid", paidAt: paid.paidAt });
    expect(await payoutMovements(created.paymentId)).toBe(1);
    expect(daraja.payments()).toHaveLength(1);
    // A paid payout's job does nothing.
    await boss.send(QUEUES.payout, { payoutId: created.id });
    await runDueJobs(boss, QUEUES.payout);
    expect(paymentsTo(sent.attemptRef)).toHaveLength(1);
  });

  it("fails on a non-zero ResultCode, keeps the money payable, and retries with a new attempt", async () => {
    await useMpesa();
    daraja.behaviour = { kind: "fail", resultCode: 2001, resultDesc: "The initiator information is invalid." };
    const created = (await released("KES"))!;
    const before = daraja.payments().length;
    await runDueJobs(boss, QUEUES.payout);
    await daraja.settled();
    await runDueJobs(boss, QUEUES.mpesaResult);
    const failed = await payout(created.id);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 1,
      failureReason: "M-Pesa result 2001: The initiator information is invalid.",
    });
    expect(await payoutMovements(created.paymentId)).toBe(0);

    // The retry waits for its backoff.
    daraja.behaviour = { kind: "succeed" };
    expect(await runDueJobs(boss, QUEUES.payout)).toBe(0);
    await clock.setTime(clock.now() + 2 * 60_000);
    expect(await runDueJobs(boss, QUEUES.payout)).toBe(1);
    await daraja.settled();
    await runDueJobs(boss, QUEUES.mpesaResult);
    const paid = await payout(created.id);
    expect(paid).toMatchObject({ status: "paid", attempts: 2, failureReason: null });
    expect(paid.attemptRef).not.toBe(failed.attemptRef);
    expect(daraja.payments().length - before).toBe(2);
    expect(await payoutMovements(created.paymentId)).toBe(1);
  });

  it("on a timeout, asks for the status instead of sending again", async () => {
    await useMpesa();
    daraja.behaviour = { kind: "timeout" };
    const created = (await released("KES"))!;
    await runDueJobs(boss, QUEUES.payout);
    await daraja.settled();
    expect(await runDueJobs(boss, QUEUES.mpesaResult)).toBe(1);
    expect((await payout(created.id)).status).toBe("pending");
    // The timeout queued a status check of the payout.
    expect(await runDueJobs(boss, QUEUES.payout)).toBe(1);
    const paid = await payout(created.id);
    expect(paid.status).toBe("paid");
    expect(paymentsTo(paid.attemptRef)).toHaveLength(1);
    expect(daraja.requests.filter((r) => r.path === "/mpesa/transactionstatus/v1/query")).not.toHaveLength(0);
  });

  it("finds a payout whose result never came, through the sweep and the status query", async () => {
    await useMpesa();
    daraja.behaviour = { kind: "drop" };
    const created = (await released("KES"))!;
    await runDueJobs(boss, QUEUES.payout);
    await boss.send(QUEUES.payoutSweep, {});
    await runDueJobs(boss, QUEUES.payoutSweep);
    await runDueJobs(boss, QUEUES.payout);
    expect((await payout(created.id)).status).toBe("pending");

    await clock.setTime(clock.now() + 11 * 60_000);
    await boss.send(QUEUES.payoutSweep, {});
    await runDueJobs(boss, QUEUES.payoutSweep);
    await runDueJobs(boss, QUEUES.payout);
    const paid = await payout(created.id);
    expect(paid.status).toBe("paid");
    expect(paymentsTo(paid.attemptRef)).toHaveLength(1);
  });

  it("refuses a callback with a wrong token or none configured, changing nothing", async () => {
    await useMpesa();
    daraja.behaviour = { kind: "drop" };
    const created = (await released("KES"))!;
    await runDueJobs(boss, QUEUES.payout);
    const sent = await payout(created.id);
    const forged = {
      Result: {
        ResultType: 0,
        ResultCode: 0,
        ResultDesc: "ok",
        OriginatorConversationID: sent.attemptRef,
        ConversationID: sent.providerRef,
        TransactionID: "FORGED1",
      },
    };
    expect((await postCallback("result", "wrong-token", forged)).status).toBe(404);
    expect((await postCallback("timeout", "wrong-token", forged)).status).toBe(404);
    const token = process.env.DARAJA_CALLBACK_TOKEN;
    delete process.env.DARAJA_CALLBACK_TOKEN;
    expect((await postCallback("result", token!, forged)).status).toBe(404);
    process.env.DARAJA_CALLBACK_TOKEN = token;
    expect((await postCallback("result", token!, { Result: { nope: true } })).status).toBe(422);
    expect(await runDueJobs(boss, QUEUES.mpesaResult)).toBe(0);
    expect(await payout(created.id)).toMatchObject({ status: "pending", receipt: null });
    // Settle it, so later sweeps find nothing of it.
    await clock.setTime(clock.now() + 11 * 60_000);
    await boss.send(QUEUES.payout, { payoutId: created.id });
    await runDueJobs(boss, QUEUES.payout);
    expect((await payout(created.id)).status).toBe("paid");
  });

  it("sends no payout of a fraction of a shilling, which B2C cannot carry", async () => {
    await useMpesa();
    // 50% of 100.02: a first payment of 50.01.
    const created = (await released("KES", 100.02))!;
    expect(created.amountMinor).toBe(5001n);
    await runDueJobs(boss, QUEUES.payout);
    expect(await payout(created.id)).toMatchObject({ status: "failed", failureReason: expect.stringContaining("whole shillings") });
    expect(daraja.payments().filter((r) => String(r.body.OriginatorConversationID).includes(created.id))).toHaveLength(0);
    expect(await payoutMovements(created.paymentId)).toBe(0);
  });

  it("does not record as paid a success that reports another amount", async () => {
    await useMpesa();
    daraja.behaviour = { kind: "drop" };
    const created = (await released("KES"))!;
    await runDueJobs(boss, QUEUES.payout);
    const sent = await payout(created.id);
    const transaction = daraja.transactions.get(sent.attemptRef!)!;
    const forged = await postCallback("result", FAKE_DARAJA_ENV.DARAJA_CALLBACK_TOKEN, {
      Result: {
        ResultType: 0,
        ResultCode: 0,
        ResultDesc: "ok",
        OriginatorConversationID: transaction.originatorConversationId,
        ConversationID: transaction.conversationId,
        TransactionID: "RCPTOTHER1",
        ResultParameters: { ResultParameter: [{ Key: "TransactionAmount", Value: transaction.amount + 1 }] },
      },
    });
    expect(forged.status).toBe(200);
    await runDueJobs(boss, QUEUES.mpesaResult);
    expect(await payout(created.id)).toMatchObject({ status: "pending", paidAt: null });
    expect(await payoutMovements(created.paymentId)).toBe(0);
    daraja.behaviour = { kind: "succeed" };
  });

  it("fails a payout that is not in shillings, with the reason", async () => {
    await useMpesa();
    const created = (await released("USD"))!;
    await runDueJobs(boss, QUEUES.payout);
    expect(await payout(created.id)).toMatchObject({ status: "failed", failureReason: expect.stringContaining("M-Pesa pays KES only") });
    expect(daraja.payments().filter((r) => String(r.body.OriginatorConversationID).includes(created.id))).toHaveLength(0);
    // Choosing Stripe moves it there and pays it.
    stripe.useFromApp();
    try {
      await setPayoutMethod({ actor: creator, method: "stripe", country: "US", stripeAccountId: "acct_1TestCreator01" });
      await runDueJobs(boss, QUEUES.payout);
      expect(await payout(created.id)).toMatchObject({ status: "paid", method: "stripe", destination: "acct_1TestCreator01" });
    } finally {
      stripe.restore();
    }
  });
});

describe("Stripe payouts (stand-in)", () => {
  it("transfers with the attempt's idempotency key and records the payout once", async () => {
    stripe.useFromApp();
    try {
      await setPayoutMethod({ actor: creator, method: "stripe", country: "DE", stripeAccountId: "acct_1TestCreator02" });
      const created = (await released("USD"))!;
      expect(created).toMatchObject({ status: "pending", method: "stripe", destination: "acct_1TestCreator02" });
      await runDueJobs(boss, QUEUES.payout);
      const paid = await payout(created.id);
      expect(paid).toMatchObject({ status: "paid", sandbox: false, attempts: 1 });
      const transfers = stripe.requests.filter((r) => r.path === "/v1/transfers" && r.idempotencyKey === paid.attemptRef);
      expect(transfers).toHaveLength(1);
      expect(transfers[0]!.body).toMatchObject({ destination: "acct_1TestCreator02", amount: String(created.amountMinor) });
      expect(paid.providerRef).toMatch(/^tr_/);
      expect((await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: created.paymentId } })).providerTransfer).toBe(
        paid.providerRef,
      );
      expect(await payoutMovements(created.paymentId)).toBe(1);
    } finally {
      stripe.restore();
    }
  });

  it("without Stripe keys, the labelled sandbox pays it", async () => {
    await setPayoutMethod({ actor: creator, method: "stripe", country: "US", stripeAccountId: "acct_1TestCreator03" });
    const created = (await released("USD"))!;
    await runDueJobs(boss, QUEUES.payout);
    expect(await payout(created.id)).toMatchObject({ status: "paid", sandbox: true, providerRef: expect.stringMatching(/^tr_sandbox_/) });
  });
});

describe("a creator without a payout method", () => {
  it("keeps released money payable until the creator chooses, then pays it", async () => {
    await getDb().creatorProfile.update({
      where: { userId: creator.id },
      data: { payoutMethod: null, stripeAccountId: null, mpesaPhone: null },
    });
    const none = await released("USD");
    expect(none).toBeNull();
    await boss.send(QUEUES.payoutSweep, {});
    await runDueJobs(boss, QUEUES.payoutSweep);
    await setPayoutMethod({ actor: creator, method: "stripe", country: "US", stripeAccountId: "acct_1TestCreator04" });
    const payouts = await getDb().payout.findMany({
      where: { creatorId: creator.id, status: "pending", destination: "acct_1TestCreator04" },
    });
    expect(payouts.length).toBeGreaterThanOrEqual(1);
    await runDueJobs(boss, QUEUES.payout);
    for (const { id } of payouts) expect((await payout(id)).status).toBe("paid");
  });
});

describe("payout method API", () => {
  it("is the creator's only, and refuses what cannot be paid", async () => {
    const brandGet = await call(getMethod, "/api/partnerships/payout-method", { token: tokens.brand });
    expect(brandGet.status).toBe(403);
    const kenyanStripe = await call(putMethod, "/api/partnerships/payout-method", {
      token: tokens.creator,
      method: "PUT",
      body: { method: "stripe", country: "KE", stripeAccountId: "acct_1TestCreator05" },
    });
    expect(kenyanStripe.status).toBe(400);
    expect(kenyanStripe.body.error.message).toContain("choose M-Pesa");
    const badPhone = await call(putMethod, "/api/partnerships/payout-method", {
      token: tokens.creator,
      method: "PUT",
      body: { method: "mpesa", country: "KE", mpesaPhone: "12345" },
    });
    expect(badPhone.status).toBe(400);
    expect(badPhone.body.error.details.fields[0].path).toBe("mpesaPhone");
    const saved = await call(putMethod, "/api/partnerships/payout-method", {
      token: tokens.creator,
      method: "PUT",
      body: { method: "mpesa", country: "ke", mpesaPhone: "+254 712 345 678" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ method: "mpesa", country: "KE", mpesaPhone: "+254712345678", stripeAccountId: expect.anything() });
    const read = await call(getMethod, "/api/partnerships/payout-method", { token: tokens.creator });
    expect(read.body).toMatchObject({ method: "mpesa", mpesaPhone: "+254712345678" });
  });
});
