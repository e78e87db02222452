/**
 * Partner payments by M-Pesa STK push through Daraja (the stand-in in tests/fakes): the prompt,
 * Safaricom's callback on the job queue, and the reconciliation sweep that asks STK Query
 * about a payment whose callback never came, driven with a controlled clock.
 */
import { TestClock, type PgBoss } from "pg-boss";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as listPayments, POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { POST as stkCallback } from "@/app/api/v1/payments/mpesa/callback/[token]/route";
import { POST as paybillConfirmation } from "@/app/api/v1/payments/paybill/confirmation/[token]/route";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue-names";
import { runDueJobs } from "@/lib/jobs/queues";
import { deliverCallbacksHere, postStkCallback } from "@/tests/helpers/daraja-callbacks";
import { call, tokenFor } from "@/tests/helpers/http";
import { FAKE_DARAJA_ENV, startFakeDaraja, type FakeDaraja, type StkBehaviour } from "@/tests/fakes/daraja-server";
import { stkPassword } from "../daraja/stk";
import { paybillReference } from "./apply-paybill-confirmation";
import { PROMPT_LIFETIME_MS } from "./mpesa";
import { reconcileMpesaPayments } from "./reconcile-mpesa-payments";
import { listUnappliedMoney, resolveUnappliedMoney } from "./unapplied-money";
import { actorByEmail } from "@/tests/helpers/actors";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const PAYMENTS = "/api/v1/partner/payments";
const TOKEN = FAKE_DARAJA_ENV.DARAJA_CALLBACK_TOKEN;
const CALLBACK = `/api/v1/payments/mpesa/callback/${TOKEN}`;
let boss: PgBoss;
let clock: TestClock;
let daraja: FakeDaraja;
let partner: string;

beforeAll(async () => {
  daraja = await startFakeDaraja();
  Object.assign(process.env, FAKE_DARAJA_ENV, { DARAJA_BASE_URL: daraja.url });
  deliverCallbacksHere(daraja);
  clock = new TestClock(Date.now());
  boss = await startBoss({ clock, background: false });
  partner = await tokenFor("partner2@demo.test");
});

afterAll(async () => {
  await daraja.settled();
  await stopBoss();
  await daraja.close();
  for (const key of [
    ...Object.keys(FAKE_DARAJA_ENV),
    "DARAJA_BASE_URL",
    "DARAJA_CALLBACK_ALLOWED_IPS",
    "TRUSTED_PROXIES",
    "MPESA_PAYBILL_NUMBER",
  ])
    delete process.env[key];
});

beforeEach(async () => {
  await clock.setTime(Date.now());
  daraja.stkBehaviour = { kind: "succeed" };
});

afterEach(() => {
  delete process.env.DARAJA_CALLBACK_ALLOWED_IPS;
  delete process.env.TRUSTED_PROXIES;
});

async function pay(amount: number, phone = "0712345678", behaviour: StkBehaviour = { kind: "succeed" }) {
  daraja.stkBehaviour = behaviour;
  const res = await call(createPayment, PAYMENTS, { token: partner, body: { amount, method: "mpesa", phone_number: phone } });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ sandbox: false, status: "pending" });
  const checkoutRequestId = res.body.checkout_request_id as string;
  return { id: res.body.id as string, checkoutRequestId, transaction: daraja.stkTransactions.get(checkoutRequestId)! };
}

const payment = (id: string) => getDb().payment.findUniqueOrThrow({ where: { id } });
const listed = async (id: string) => {
  const res = await call(listPayments, `${PAYMENTS}?method=mpesa&page_size=100`, { token: partner });
  expect(res.status).toBe(200);
  return (res.body.payments as Array<Record<string, unknown>>).find((p) => p.id === id)!;
};
const unapplied = async (eventId: string) =>
  (await listUnappliedMoney({ actor: await actorByEmail("admin@demo.test") })).items.find((item) => item.id === eventId);
const queriesFor = (checkoutRequestId: string) => daraja.stkQueries().filter((r) => r.body.CheckoutRequestID === checkoutRequestId);

/** Delivers the stand-in's callbacks, then runs the result jobs they queued. */
async function deliverResults(): Promise<number> {
  await daraja.settled();
  return runDueJobs(boss, QUEUES.mpesaStkResult);
}

async function sweepAt(at: number): Promise<number> {
  await clock.setTime(at);
  await boss.send(QUEUES.mpesaStkReconcileSweep, {});
  return runDueJobs(boss, QUEUES.mpesaStkReconcileSweep);
}

describe("M-Pesa STK push through Daraja", () => {
  it("prompts the phone, and completes the payment when Safaricom's callback reports it paid", async () => {
    const { id, checkoutRequestId, transaction } = await pay(1500);
    const request = daraja.stkPushes().find((r) => r.body.PhoneNumber === "254712345678" && r.body.Amount === 1500)!;
    expect(request.body).toMatchObject({
      BusinessShortCode: FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE,
      Password: stkPassword(FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE, FAKE_DARAJA_ENV.DARAJA_PASSKEY, String(request.body.Timestamp)),
      TransactionType: "CustomerPayBillOnline",
      PartyA: "254712345678",
      PartyB: FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE,
      CallBackURL: `https://harambee.test/api/v1/payments/mpesa/callback/${TOKEN}`,
    });
    const pending = await payment(id);
    expect(pending).toMatchObject({ status: "pending", providerRef: checkoutRequestId, sandbox: false });
    expect(pending.expiresAt!.getTime() - pending.createdAt.getTime()).toBe(PROMPT_LIFETIME_MS);

    expect(await deliverResults()).toBe(1);
    const paid = await payment(id);
    expect(paid).toMatchObject({ status: "completed", receipt: transaction.receipt, failureCode: null });
    expect(paid.resultReceivedAt).not.toBeNull();
    const event = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: `mpesa:stk:${checkoutRequestId}` } });
    expect(event.payload).toEqual(daraja.stkCallbackBody(transaction));
    expect(await listed(id)).toMatchObject({ status: "completed", failure_code: null, failure_reason: null });
  });

  it("fails a cancelled prompt with a plain reason and failure_code cancelled", async () => {
    const { id } = await pay(200, "0712345678", { kind: "cancel" });
    expect(await deliverResults()).toBe(1);
    expect(await payment(id)).toMatchObject({ status: "failed", failureCode: "cancelled", completedAt: null });
    expect(await listed(id)).toMatchObject({
      status: "failed",
      failure_code: "cancelled",
      failure_reason: "You cancelled the M-Pesa prompt.",
    });
  });

  it("fails a prompt the phone never received (1037) as unreachable, to be tried again", async () => {
    const { id } = await pay(300, "0712345678", { kind: "unreachable" });
    expect(await deliverResults()).toBe(1);
    expect(await listed(id)).toMatchObject({
      status: "failed",
      failure_code: "unreachable",
      failure_reason: expect.stringContaining("try again"),
    });
  });

  it("prompts 254… for every way of writing the number, with one cached token", async () => {
    const before = daraja.tokensIssued;
    const forms: Array<[string, string]> = [
      ["0712345678", "254712345678"],
      ["712345678", "254712345678"],
      ["+254712345678", "254712345678"],
      ["254712345678", "254712345678"],
      ["0110123456", "254110123456"],
      ["0712 345 678", "254712345678"],
    ];
    for (const [written, prompted] of forms) {
      const { transaction } = await pay(10, written);
      expect(transaction.phone).toBe(prompted);
      const push = daraja.stkPushes().at(-1)!;
      expect(push.body).toMatchObject({ PartyA: prompted, PhoneNumber: prompted });
    }
    expect(await deliverResults()).toBe(forms.length);
    // The token fetched for the first test's request is still valid.
    expect(daraja.tokensIssued - before).toBe(0);
    expect(daraja.tokensIssued).toBe(1);
  });

  it("answers 502 and fails the payment at once when Daraja refuses the prompt", async () => {
    daraja.stkBehaviour = { kind: "refuse" };
    const count = await getDb().payment.count({ where: { method: "mpesa" } });
    const res = await call(createPayment, PAYMENTS, { token: partner, body: { amount: 700, method: "mpesa", phone_number: "0712345678" } });
    expect(res.status).toBe(502);
    expect(res.body.detail).toMatch(/M-Pesa could not send the payment prompt/);
    const failed = await getDb().payment.findFirstOrThrow({ where: { method: "mpesa" }, orderBy: { createdAt: "desc" } });
    expect(await getDb().payment.count({ where: { method: "mpesa" } })).toBe(count + 1);
    expect(failed).toMatchObject({ status: "failed", failureCode: "provider_error", providerRef: null, amountMinor: 70000n });
  });

  it("answers 502 and fails the payment when Daraja cannot be reached", async () => {
    process.env.DARAJA_BASE_URL = "http://127.0.0.1:9";
    try {
      const res = await call(createPayment, PAYMENTS, {
        token: partner,
        body: { amount: 800, method: "mpesa", phone_number: "0712345678" },
      });
      expect(res.status).toBe(502);
      const failed = await getDb().payment.findFirstOrThrow({ where: { method: "mpesa" }, orderBy: { createdAt: "desc" } });
      expect(failed).toMatchObject({ status: "failed", failureCode: "provider_error", amountMinor: 80000n });
    } finally {
      process.env.DARAJA_BASE_URL = daraja.url;
    }
  });
});

describe("Safaricom's callback", () => {
  it("applies a repeated callback once", async () => {
    const { id, transaction } = await pay(2500);
    expect(await deliverResults()).toBe(1);
    const paid = await payment(id);
    const disbursements = await getDb().disbursement.count({ where: { paymentId: id } });
    for (let i = 0; i < 2; i++) {
      const again = await call(stkCallback, CALLBACK, { body: daraja.stkCallbackBody(transaction) });
      expect(again).toMatchObject({ status: 200, body: { ResultCode: 0, ResultDesc: "Accepted" } });
    }
    // A later contradicting report does not overwrite the confirmed success either.
    await postStkCallback(TOKEN, daraja.stkCallbackBody({ ...transaction, resultCode: 1032, resultDesc: "Request cancelled by user" }));
    expect(await runDueJobs(boss, QUEUES.mpesaStkResult)).toBe(3);
    expect(await payment(id)).toMatchObject({ status: "completed", completedAt: paid.completedAt, receipt: transaction.receipt });
    expect(await getDb().disbursement.count({ where: { paymentId: id } })).toBe(disbursements);
    expect(await getDb().webhookEvent.count({ where: { id: `mpesa:stk:${transaction.checkoutRequestId}` } })).toBe(1);
  });

  it("refuses a wrong token, a malformed body, or a sender outside the allow-list, changing nothing", async () => {
    const { id, transaction } = await pay(900, "0712345678", { kind: "processing" });
    const body = daraja.stkCallbackBody({ ...transaction, resultCode: 0, receipt: "FORGED0001" });
    expect((await call(stkCallback, "/api/v1/payments/mpesa/callback/guess", { body })).status).toBe(404);
    expect((await call(stkCallback, `/api/v1/payments/mpesa/callback/${TOKEN.toUpperCase()}`, { body })).status).toBe(404);
    const malformed = await call(stkCallback, CALLBACK, {
      body: { Body: { stkCallback: { CheckoutRequestID: transaction.checkoutRequestId } } },
    });
    expect(malformed.status).toBe(422);
    process.env.DARAJA_CALLBACK_ALLOWED_IPS = "196.201.214.200, 196.201.214.206";
    // The runtime gave no peer address: nothing the request says about itself is believed.
    expect((await call(stkCallback, CALLBACK, { body, headers: { "x-forwarded-for": "196.201.214.200" } })).status).toBe(403);
    expect((await call(stkCallback, CALLBACK, { body, headers: { "x-client-address": "203.0.113.9" } })).status).toBe(403);
    // X-Forwarded-For only through a trusted proxy.
    const viaUntrusted = { "x-client-address": "10.0.0.5", "x-forwarded-for": "196.201.214.200" };
    expect((await call(stkCallback, CALLBACK, { body, headers: viaUntrusted })).status).toBe(403);
    expect(await runDueJobs(boss, QUEUES.mpesaStkResult)).toBe(0);
    expect(await payment(id)).toMatchObject({ status: "pending", receipt: null, resultReceivedAt: null });

    process.env.TRUSTED_PROXIES = "10.0.0.5";
    expect((await call(stkCallback, CALLBACK, { body, headers: viaUntrusted })).status).toBe(200);
    expect(await runDueJobs(boss, QUEUES.mpesaStkResult)).toBe(1);
    expect(await payment(id)).toMatchObject({ status: "completed", receipt: "FORGED0001" });
  });

  it("with the right token, does not complete a payment for another amount or from another phone", async () => {
    const short = await pay(1000, "0712345678", { kind: "processing" });
    const otherPhone = await pay(1000, "0712345678", { kind: "processing" });
    await postStkCallback(TOKEN, daraja.stkCallbackBody({ ...short.transaction, resultCode: 0, amount: 1, receipt: "SHORT00001" }));
    await postStkCallback(
      TOKEN,
      daraja.stkCallbackBody({ ...otherPhone.transaction, resultCode: 0, phone: "254799999999", receipt: "PHONE00001" }),
    );
    expect(await runDueJobs(boss, QUEUES.mpesaStkResult)).toBe(2);
    expect(await payment(short.id)).toMatchObject({
      status: "failed",
      failureCode: "mismatch",
      failureReason: "M-Pesa receipt SHORT00001 is for KES 1, not 1000",
    });
    expect(await payment(otherPhone.id)).toMatchObject({
      status: "failed",
      failureCode: "mismatch",
      failureReason: "M-Pesa receipt PHONE00001 was paid from +254799999999, not +254712345678",
    });
    expect(await getDb().disbursement.count({ where: { paymentId: { in: [short.id, otherPhone.id] } } })).toBe(0);
    // The money did arrive: it waits for an admin, with what M-Pesa says was paid.
    expect(await unapplied(`mpesa:stk:${short.checkoutRequestId}`)).toMatchObject({
      amount: 1,
      currency: "KES",
      providerReceipt: "SHORT00001",
      reason: "M-Pesa receipt SHORT00001 is for KES 1, not 1000",
      payment: { id: short.id },
    });
    expect(await unapplied(`mpesa:stk:${otherPhone.checkoutRequestId}`)).toMatchObject({ amount: 1000, providerReceipt: "PHONE00001" });
  });
});

describe("reconciliation by STK Query", () => {
  it("settles a payment whose callback never came, through the queue, after DARAJA_STK_QUERY_AFTER_SECONDS", async () => {
    const started = Date.now();
    const { id, checkoutRequestId } = await pay(4200, "0712345678", { kind: "drop" });
    expect(await deliverResults()).toBe(0);

    // Too early: nobody is asked yet.
    expect(await sweepAt(started + 60_000)).toBe(1);
    expect(queriesFor(checkoutRequestId)).toHaveLength(0);

    expect(await sweepAt(started + 121_000 + 1_000)).toBe(1);
    expect(queriesFor(checkoutRequestId)).toHaveLength(1);
    const paid = await payment(id);
    expect(paid).toMatchObject({ status: "completed", queryAttempts: 1, resultReceivedAt: null });
    expect(queriesFor(checkoutRequestId)[0]!.body).toMatchObject({
      BusinessShortCode: FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE,
      Password: stkPassword(
        FAKE_DARAJA_ENV.DARAJA_STK_SHORTCODE,
        FAKE_DARAJA_ENV.DARAJA_PASSKEY,
        String(queriesFor(checkoutRequestId)[0]!.body.Timestamp),
      ),
    });

    // The callback turns up late: kept, and the payment stays as it is.
    const late = daraja.stkCallbackBody(daraja.stkTransactions.get(checkoutRequestId)!);
    expect((await call(stkCallback, CALLBACK, { body: late })).status).toBe(200);
    expect(await runDueJobs(boss, QUEUES.mpesaStkResult)).toBe(1);
    // …and brings the receipt number the query could not.
    const transaction = daraja.stkTransactions.get(checkoutRequestId)!;
    expect(await payment(id)).toMatchObject({ status: "completed", completedAt: paid.completedAt, receipt: transaction.receipt });
    expect(await unapplied(`mpesa:stk:${checkoutRequestId}`)).toBeUndefined();
    expect(
      await getDb().webhookEvent.count({
        where: { id: { in: [`mpesa:stk:${checkoutRequestId}`, `mpesa:stk-query:${checkoutRequestId}`] } },
      }),
    ).toBe(2);
    await sweepAt(started + 10 * 60_000);
    expect(queriesFor(checkoutRequestId)).toHaveLength(1);
  });

  it("leaves a prompt still being processed pending, backs off, and fails it as expired once past its expiry", async () => {
    const started = Date.now();
    const { id, checkoutRequestId } = await pay(600, "0712345678", { kind: "processing" });
    await sweepAt(started + 130_000);
    expect(await payment(id)).toMatchObject({ status: "pending", queryAttempts: 1 });
    // Queried again only after the pause.
    await sweepAt(started + 150_000);
    expect(queriesFor(checkoutRequestId)).toHaveLength(1);
    await sweepAt(started + 200_000);
    expect(queriesFor(checkoutRequestId)).toHaveLength(2);

    const row = await payment(id);
    await sweepAt(row.expiresAt!.getTime() + 1_000);
    expect(queriesFor(checkoutRequestId)).toHaveLength(3);
    expect(await payment(id)).toMatchObject({ status: "failed", failureCode: "expired", queryAttempts: 3 });
    expect(await listed(id)).toMatchObject({ failure_code: "expired", failure_reason: expect.stringContaining("not answered in time") });
  });

  it("keeps money paid after the prompt expired for an admin to settle, once", async () => {
    const { id, checkoutRequestId, transaction } = await pay(700, "0712345678", { kind: "processing" });
    const row = await payment(id);
    await sweepAt(row.expiresAt!.getTime() + 1_000);
    expect(await payment(id)).toMatchObject({ status: "failed", failureCode: "expired" });

    const late = daraja.stkCallbackBody({ ...transaction, resultCode: 0, receipt: "LATE000001" });
    expect((await call(stkCallback, CALLBACK, { body: late })).status).toBe(200);
    expect(await runDueJobs(boss, QUEUES.mpesaStkResult)).toBe(1);
    // Still failed (what it covered may already be paid again), but the money is not lost.
    expect(await payment(id)).toMatchObject({ status: "failed", receipt: null });
    const eventId = `mpesa:stk:${checkoutRequestId}`;
    const item = await unapplied(eventId);
    expect(item).toMatchObject({ amount: 700, providerReceipt: "LATE000001", payment: { id, reference: row.reference } });
    expect(item!.reason).toContain(`paid after it had failed`);
    const before = await listUnappliedMoney({ actor: await actorByEmail("admin@demo.test") });
    const kes = before.totals.find((total) => total.currency === "KES")!;
    const sum = await getDb().webhookEvent.aggregate({
      where: { unappliedReason: { not: null }, resolvedAt: null, unappliedCurrency: "KES" },
      _sum: { unappliedAmountMinor: true },
    });
    expect(kes.amount * 100).toBe(Number(sum._sum.unappliedAmountMinor));

    const admin = await actorByEmail("admin@demo.test");
    await expect(resolveUnappliedMoney({ actor: await actorByEmail("partner2@demo.test"), eventId, note: "mine" })).rejects.toMatchObject({
      code: "insufficient_permissions",
    });
    await expect(resolveUnappliedMoney({ actor: admin, eventId, note: " " })).rejects.toMatchObject({ code: "validation_failed" });
    await resolveUnappliedMoney({ actor: admin, eventId, note: "Reversed to the payer, reversal QKX0000001" });
    expect(await unapplied(eventId)).toBeUndefined();
    await expect(resolveUnappliedMoney({ actor: admin, eventId, note: "again" })).rejects.toMatchObject({ code: "invalid_state" });
    await expect(resolveUnappliedMoney({ actor: admin, eventId: "mpesa:stk:nope", note: "nothing" })).rejects.toMatchObject({
      code: "resource_not_found",
    });
    expect(await getDb().webhookEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      resolvedById: admin.id,
      resolutionNote: "Reversed to the payer, reversal QKX0000001",
    });
  });

  it("never has two sweeps query the same payment at once", async () => {
    const started = Date.now();
    const { id, checkoutRequestId } = await pay(650, "0712345678", { kind: "processing" });
    const now = new Date(started + 130_000);
    const [a, b] = await Promise.all([reconcileMpesaPayments({ now }), reconcileMpesaPayments({ now })]);
    expect(queriesFor(checkoutRequestId)).toHaveLength(1);
    expect(a.queried + b.queried).toBeGreaterThanOrEqual(1);
    expect(await payment(id)).toMatchObject({ status: "pending", queryAttempts: 1 });
  });
});

describe("M-Pesa Paybill (C2B) confirmation", () => {
  const CONFIRMATION = `/api/v1/payments/paybill/confirmation/${TOKEN}`;
  const confirmation = (reference: string, amount: string, transId: string, shortcode = "888880") => ({
    TransactionType: "Pay Bill",
    TransID: transId,
    TransTime: "20261202131500",
    TransAmount: amount,
    BusinessShortCode: shortcode,
    BillRefNumber: reference,
    InvoiceNumber: "",
    OrgAccountBalance: "",
    ThirdPartyTransID: "",
    MSISDN: "2547 ***** 678",
    FirstName: "Wanjiru",
  });
  async function bankTransfer(amount: number) {
    const res = await call(createPayment, PAYMENTS, { token: partner, body: { amount, method: "bank_transfer" } });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, reference: res.body.payment_reference as string };
  }

  beforeEach(() => {
    process.env.MPESA_PAYBILL_NUMBER = "888880";
  });

  it("reads our reference however the payer typed it", () => {
    expect(paybillReference("bt_20261202_a1b2c3")).toBe("BT_20261202_A1B2C3");
    expect(paybillReference(" BT 20261202 A1B2C3 ")).toBe("BT_20261202_A1B2C3");
    expect(paybillReference("BT20261202A1B2C3")).toBe("BT_20261202_A1B2C3");
    expect(paybillReference("invoice008")).toBeNull();
  });

  it("completes the payment its account number names, for its exact amount, each TransID once", async () => {
    const { id, reference } = await bankTransfer(3000);
    const typed = reference.replaceAll("_", "").toLowerCase();
    const body = confirmation(typed, "3000.00", "TLC1A2B3C4");
    const res = await call(paybillConfirmation, CONFIRMATION, { body });
    expect(res).toMatchObject({ status: 200, body: { ResultCode: 0, ResultDesc: "Accepted" } });
    expect(await runDueJobs(boss, QUEUES.mpesaPaybillConfirmation)).toBe(1);
    const paid = await payment(id);
    expect(paid).toMatchObject({ status: "completed", receipt: "TLC1A2B3C4" });
    const event = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: "mpesa:c2b:TLC1A2B3C4" } });
    expect(event.payload).toEqual(body);

    expect((await call(paybillConfirmation, CONFIRMATION, { body })).status).toBe(200);
    expect(await runDueJobs(boss, QUEUES.mpesaPaybillConfirmation)).toBe(1);
    expect(await payment(id)).toMatchObject({ status: "completed", completedAt: paid.completedAt });
    expect(await unapplied("mpesa:c2b:TLC1A2B3C4")).toBeUndefined();
    expect(await getDb().webhookEvent.count({ where: { id: "mpesa:c2b:TLC1A2B3C4" } })).toBe(1);
  });

  it("changes nothing for another amount, another shortcode, an unknown reference or a wrong token", async () => {
    const { id, reference } = await bankTransfer(5000);
    expect(
      (
        await call(paybillConfirmation, "/api/v1/payments/paybill/confirmation/nope", {
          body: confirmation(reference, "5000", "TLW0000001"),
        })
      ).status,
    ).toBe(404);
    await call(paybillConfirmation, CONFIRMATION, { body: confirmation(reference, "4999", "TLW0000002") });
    await call(paybillConfirmation, CONFIRMATION, { body: confirmation(reference, "5000", "TLW0000003", "600000") });
    await call(paybillConfirmation, CONFIRMATION, { body: confirmation("BT_20200101_ZZZZZZ", "5000", "TLW0000004") });
    expect(await runDueJobs(boss, QUEUES.mpesaPaybillConfirmation)).toBe(3);
    expect(await payment(id)).toMatchObject({ status: "pending", receipt: null });
    expect(
      await getDb().webhookEvent.count({ where: { id: { in: ["mpesa:c2b:TLW0000002", "mpesa:c2b:TLW0000003", "mpesa:c2b:TLW0000004"] } } }),
    ).toBe(3);
    expect(await getDb().webhookEvent.count({ where: { id: "mpesa:c2b:TLW0000001" } })).toBe(0);
    expect(await unapplied("mpesa:c2b:TLW0000002")).toMatchObject({ amount: 4999, providerReceipt: "TLW0000002", payment: { id } });
    expect(await unapplied("mpesa:c2b:TLW0000004")).toMatchObject({ amount: 5000, payment: null });
    expect((await unapplied("mpesa:c2b:TLW0000004"))!.reason).toContain('names no payment (account number "BT_20200101_ZZZZZZ")');
  });
});
