import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { disbursementPeriods } from "@/lib/sponsorship/disbursement-calendar";
import { createPaymentResponse, paymentItem } from "@/lib/sponsorship/schemas/payments";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as createPayment } from "../../partner/payments/route";
import { POST as mpesaCallback } from "../../payments/mpesa/callback/[token]/route";
import { POST as verify } from "./[id]/verify/route";

// Many requests share one token here; the per-minute limit is not what these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";

const PAYMENTS = "/api/v1/partner/payments";
const CALLBACK = "/api/v1/payments/mpesa/callback";
const verifyUrl = (id: string) => `/api/v1/admin/payments/${id}/verify`;
let admin: string;
let partner: string;
let partner2: string;
let org1: string;

beforeAll(async () => {
  [admin, partner, partner2] = await Promise.all([
    tokenFor("admin@demo.test"),
    tokenFor("partner@demo.test"),
    tokenFor("partner2@demo.test"),
  ]);
  org1 = (await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
});

afterEach(() => {
  delete process.env.DARAJA_CALLBACK_TOKEN;
});

async function newPayment(token: string, body: Record<string, unknown>) {
  const res = await call(createPayment, PAYMENTS, { token, body });
  expect(res.status).toBe(201);
  return { ...createPaymentResponse.parse(res.body), checkout_request_id: res.body.checkout_request_id as string | undefined };
}

/** Row counts of everything a completion touches. */
async function counts() {
  const db = getDb();
  const [payments, completed, disbursements, events, milestones, paidInvoices, activeSponsorships, activePrograms] = await Promise.all([
    db.payment.count(),
    db.payment.count({ where: { status: "completed" } }),
    db.disbursement.count(),
    db.sponsorshipEvent.count(),
    db.programMilestone.count(),
    db.invoice.count({ where: { status: "paid" } }),
    db.sponsorship.count({ where: { status: "active" } }),
    db.program.count({ where: { status: "active" } }),
  ]);
  return { payments, completed, disbursements, events, milestones, paidInvoices, activeSponsorships, activePrograms };
}

/** `n` new pending sponsorships of partner 1, each for another of its students, a year from next month. */
async function freshSponsorships(n: number) {
  const db = getDb();
  const students = await db.student.findMany({ orderBy: { id: "desc" }, take: n, select: { id: true } });
  const now = new Date();
  const startDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const endDate = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth() + 1, 0));
  return Promise.all(
    students.map((student, i) =>
      db.sponsorship.create({
        data: { partnerId: org1, studentId: student.id, type: "partial", amountMinor: 1_200_000n + BigInt(i) * 100n, startDate, endDate },
      }),
    ),
  );
}

/** How many monthly periods a sponsorship's money is split into. */
const periodCount = (s: { startDate: Date; endDate: Date; amountMinor: bigint }) => disbursementPeriods(s).length;

/** What each sponsorship still needs, in minor units. */
async function stillOwed(ids: string[]): Promise<Map<string, bigint>> {
  const db = getDb();
  const rows = await db.sponsorship.findMany({
    where: { id: { in: ids } },
    select: { id: true, amountMinor: true, disbursements: { select: { amountMinor: true } } },
  });
  return new Map(rows.map((s) => [s.id, s.amountMinor - s.disbursements.reduce((sum, d) => sum + d.amountMinor, 0n)]));
}

/** A pending bank transfer funding the planning program and, in full, two pending sponsorships of partner 1. */
async function fundingPayment() {
  const db = getDb();
  const program = await db.program.findFirstOrThrow({ where: { partnerId: org1, status: "planning" } });
  const sponsorships = await db.sponsorship.findMany({ where: { partnerId: org1, status: "pending" }, orderBy: { id: "asc" }, take: 2 });
  expect(sponsorships).toHaveLength(2);
  const owed = await stillOwed(sponsorships.map((s) => s.id));
  const payment = await newPayment(partner, {
    amount: Number([...owed.values()].reduce((a, b) => a + b, 0n)) / 100,
    method: "bank_transfer",
    bank_reference: "FT-VERIFY",
    program_id: program.id,
    sponsorship_ids: sponsorships.map((s) => s.id),
    description: "Rift Valley phase 1 funding",
  });
  return { payment, program, sponsorships };
}

describe("POST /admin/payments/{id}/verify: access", () => {
  it("answers 401 without a token and 403 to partner, brand and creator", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const anonymous = await call(verify, verifyUrl(id), { body: { status: "completed" }, params: { id } });
    expect(anonymous.status).toBe(401);
    for (const email of ["partner@demo.test", "brand@demo.test", "creator@demo.test"]) {
      const res = await call(verify, verifyUrl(id), { token: await tokenFor(email), body: { status: "completed" }, params: { id } });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ detail: "Role 'admin' required" });
    }
  });

  it("answers 404 for unknown and malformed ids", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "pay-001"]) {
      const res = await call(verify, verifyUrl(id), { token: admin, body: { status: "completed" }, params: { id } });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ detail: "Payment not found" });
    }
  });

  it.each([
    ["status", {}],
    ["status", { status: "refunded" }],
    ["reason", { status: "failed", reason: "x".repeat(501) }],
  ])("answers 422 naming %s", async (field, body) => {
    const id = "00000000-0000-4000-8000-000000000000";
    const res = await call(verify, verifyUrl(id), { token: admin, body, params: { id } });
    expect(res.status).toBe(422);
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toContain(`body.${field}`);
  });
});

describe("POST /admin/payments/{id}/verify: completing", () => {
  it("activates funded sponsorships, disburses, marks the invoice paid and activates the program", async () => {
    const { payment, program, sponsorships } = await fundingPayment();
    const owed = await stillOwed(sponsorships.map((s) => s.id));
    const before = await counts();
    const res = await call(verify, verifyUrl(payment.id), { token: admin, body: { status: "completed" }, params: { id: payment.id } });
    expect(res.status).toBe(200);
    const body = paymentItem.parse(res.body);
    expect(body).toMatchObject({ id: payment.id, status: "completed", amount: payment.amount, program_id: program.id });
    expect(body.completed_at).not.toBeNull();
    expect(body.sponsorship_ids).toEqual(sponsorships.map((s) => s.id).sort());

    const db = getDb();
    const after = await db.sponsorship.findMany({
      where: { id: { in: sponsorships.map((s) => s.id) } },
      include: { events: true, disbursements: true },
    });
    for (const s of after) {
      expect(s.status).toBe("active");
      expect(s.activatedAt).not.toBeNull();
      expect(s.events.filter((e) => e.event === "Sponsorship activated")).toHaveLength(1);
      const fromPayment = s.disbursements.filter((d) => d.paymentId === payment.id);
      // One row per monthly period of the sponsorship, together exactly what it was still owed.
      expect(fromPayment).toHaveLength(periodCount(s));
      expect(fromPayment.reduce((sum, d) => sum + d.amountMinor, 0n)).toBe(owed.get(s.id));
    }
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: payment.invoice_id } });
    expect(invoice.status).toBe("paid");
    expect(invoice.paidDate?.toISOString().slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    const funded = await db.program.findUniqueOrThrow({ where: { id: program.id }, include: { milestones: true } });
    expect(funded.status).toBe("active");
    expect(funded.milestones.filter((m) => m.description === "Program funded")).toHaveLength(1);

    const changed = await counts();
    expect(changed).toEqual({
      ...before,
      completed: before.completed + 1,
      disbursements: before.disbursements + after.reduce((sum, s) => sum + periodCount(s), 0),
      events: before.events + 2,
      milestones: before.milestones + 1,
      paidInvoices: before.paidInvoices + 1,
      activeSponsorships: before.activeSponsorships + 2,
      activePrograms: before.activePrograms + 1,
    });

    // Verifying again changes nothing and answers the same payment.
    const again = await call(verify, verifyUrl(payment.id), { token: admin, body: { status: "completed" }, params: { id: payment.id } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    expect(await counts()).toEqual(changed);

    // Asking for the other outcome is a conflict.
    const conflict = await call(verify, verifyUrl(payment.id), { token: admin, body: { status: "failed" }, params: { id: payment.id } });
    expect(conflict.status).toBe(409);
    expect(typeof conflict.body.detail).toBe("string");
    expect(await counts()).toEqual(changed);
  });

  it("caps a disbursement at what the sponsorship is still owed", async () => {
    const db = getDb();
    const sponsorship = await db.sponsorship.findFirstOrThrow({ where: { partnerId: org1, status: "pending" }, orderBy: { id: "desc" } });
    const payment = await newPayment(partner, {
      amount: Number(sponsorship.amountMinor) / 100 + 1000,
      method: "stripe",
      sponsorship_ids: [sponsorship.id],
    });
    await call(verify, verifyUrl(payment.id), { token: admin, body: { status: "completed" }, params: { id: payment.id } });
    const total = await db.disbursement.aggregate({ where: { sponsorshipId: sponsorship.id }, _sum: { amountMinor: true } });
    expect(total._sum.amountMinor).toBe(sponsorship.amountMinor);
  });

  it("applies exactly once under 20 concurrent verifies", async () => {
    // Three new sponsorships: no pending payment covers them, so they can be paid for.
    const payable = await freshSponsorships(3);
    const owed = await stillOwed(payable.map((s) => s.id));
    expect(owed.size).toBe(3);
    const sponsorships = [...owed.keys()].map((id) => ({ id }));
    const payment = await newPayment(partner, {
      amount: Number([...owed.values()].reduce((a, b) => a + b, 0n)) / 100,
      method: "paypal",
      sponsorship_ids: sponsorships.map((s) => s.id),
    });
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(verify, verifyUrl(payment.id), { token: admin, body: { status: "completed" }, params: { id: payment.id } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    for (const r of results) expect(r.body).toEqual(results[0].body);
    const after = await counts();
    const funded = await getDb().sponsorship.findMany({ where: { id: { in: [...owed.keys()] } } });
    expect(after).toEqual({
      ...before,
      completed: before.completed + 1,
      disbursements: before.disbursements + funded.reduce((sum, s) => sum + periodCount(s), 0),
      events: before.events + 3,
      paidInvoices: before.paidInvoices + 1,
      activeSponsorships: before.activeSponsorships + 3,
    });
    const disbursements = await getDb().disbursement.findMany({ where: { paymentId: payment.id } });
    const given = new Map<string, bigint>();
    for (const d of disbursements) given.set(d.sponsorshipId, (given.get(d.sponsorshipId) ?? 0n) + d.amountMinor);
    expect(given).toEqual(owed);
  });

  it("marks a payment failed with the reason and leaves what it funds alone", async () => {
    const { payment, program, sponsorships } = await (async () => {
      const db = getDb();
      // Neither may be covered by another pending payment already.
      const prog = await db.program.findFirstOrThrow({ where: { partnerId: org1, payments: { none: { status: "pending" } } } });
      const pending = await db.sponsorship.findMany({
        where: { partnerId: org1, status: "pending", payments: { none: { payment: { status: "pending" } } } },
        take: 1,
      });
      return {
        payment: await newPayment(partner, {
          amount: 500,
          method: "paypal",
          program_id: prog.id,
          sponsorship_ids: pending.map((s) => s.id),
        }),
        program: prog,
        sponsorships: pending,
      };
    })();
    const before = await counts();
    const res = await call(verify, verifyUrl(payment.id), {
      token: admin,
      body: { status: "failed", reason: "Transfer never arrived" },
      params: { id: payment.id },
    });
    expect(res.status).toBe(200);
    expect(paymentItem.parse(res.body)).toMatchObject({ status: "failed", completed_at: null, program_id: program.id });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: payment.id }, include: { invoice: true } });
    expect(row.failureReason).toBe("Transfer never arrived");
    // Nothing is owed on a failed payment's invoice.
    expect(row.invoice).toMatchObject({ status: "void", voidReason: "Payment failed: Transfer never arrived" });
    expect(row.invoice?.voidedAt).not.toBeNull();
    expect(await counts()).toEqual(before);
    expect((await getDb().sponsorship.findUniqueOrThrow({ where: { id: sponsorships[0].id } })).status).toBe("pending");

    const again = await call(verify, verifyUrl(payment.id), { token: admin, body: { status: "failed" }, params: { id: payment.id } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
    const conflict = await call(verify, verifyUrl(payment.id), { token: admin, body: { status: "completed" }, params: { id: payment.id } });
    expect(conflict.status).toBe(409);
    expect(await counts()).toEqual(before);
  });
});

describe("POST /payments/mpesa/callback/{token}", () => {
  const TOKEN = "s3cret-callback";
  const AUTHORISED = `${CALLBACK}/${TOKEN}`;

  beforeEach(() => {
    process.env.DARAJA_CALLBACK_TOKEN = TOKEN;
  });

  const callback = (
    checkoutRequestId: string,
    resultCode: number,
    amount?: number,
    resultDesc = "The service request is processed successfully.",
    phone = 254712345678,
  ) => ({
    Body: {
      stkCallback: {
        MerchantRequestID: "29115-34620561-1",
        CheckoutRequestID: checkoutRequestId,
        ResultCode: resultCode,
        ResultDesc: resultDesc,
        ...(amount === undefined
          ? {}
          : {
              CallbackMetadata: {
                Item: [
                  { Name: "Amount", Value: amount },
                  { Name: "MpesaReceiptNumber", Value: "NLJ7RT61SV" },
                  { Name: "TransactionDate", Value: 20191219102115 },
                  { Name: "PhoneNumber", Value: phone },
                ],
              },
            }),
      },
    },
  });

  /** A pending M-Pesa payment whose prompt went out through Safaricom (not the sandbox), as the callback settles it. */
  async function promptedPayment(amount: number) {
    const payment = await newPayment(partner2, { amount, method: "mpesa", phone_number: "0712 345 678" });
    await getDb().payment.update({ where: { id: payment.id }, data: { sandbox: false } });
    return payment;
  }

  it("completes the payment on success and accepts repeats", async () => {
    const payment = await promptedPayment(7500);
    const res = await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 7500) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: payment.id }, include: { invoice: true } });
    expect(row.status).toBe("completed");
    expect(row.completedAt).not.toBeNull();
    expect(row.receipt).toBe("NLJ7RT61SV");
    expect(row.invoice?.status).toBe("paid");

    const before = await counts();
    const repeat = await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 7500) });
    expect(repeat.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    expect(await counts()).toEqual(before);
    // A later failure report for the same prompt never overwrites the confirmed success.
    const contradicting = await call(mpesaCallback, AUTHORISED, {
      body: callback(payment.checkout_request_id!, 1032, undefined, "Request cancelled by user"),
    });
    expect(contradicting.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("completed");
  });

  it("fails the payment with a plain reason and the result's failure code", async () => {
    const payment = await promptedPayment(100);
    const res = await call(mpesaCallback, AUTHORISED, {
      body: callback(payment.checkout_request_id!, 1032, undefined, "Request cancelled by user"),
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(row).toMatchObject({
      status: "failed",
      failureReason: "You cancelled the M-Pesa prompt.",
      failureCode: "cancelled",
      completedAt: null,
    });
  });

  it("does not complete a payment when the amount differs", async () => {
    const payment = await promptedPayment(100);
    const res = await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 1) });
    expect(res.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(row.status).toBe("failed");
    expect(row.failureReason).toBe("M-Pesa receipt NLJ7RT61SV is for KES 1, not 100");
    expect(row.failureCode).toBe("mismatch");
    expect(row.receipt).toBe("NLJ7RT61SV");
  });

  it("does not complete a payment paid from another phone", async () => {
    const payment = await promptedPayment(300);
    await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 300, undefined, 254799999999) });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(row).toMatchObject({
      status: "failed",
      failureReason: "M-Pesa receipt NLJ7RT61SV was paid from +254799999999, not +254712345678",
    });
  });

  it("acknowledges an unknown CheckoutRequestID without recording anything, and answers 422 for a malformed body", async () => {
    const before = await counts();
    const unknown = await call(mpesaCallback, AUTHORISED, { body: callback("ws_CO_000000000000000000000000", 0, 1) });
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ ResultCode: 0, ResultDesc: "Accepted" });
    expect(await counts()).toEqual(before);
    const malformed = await call(mpesaCallback, AUTHORISED, { body: { Body: { stkCallback: { ResultCode: 0 } } } });
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail.map((d: { loc: string[] }) => d.loc.join("."))).toContain("body.Body.stkCallback.CheckoutRequestID");
  });

  it("refuses every call without the configured token, and every call at all when none is configured", async () => {
    const payment = await promptedPayment(200);
    const wrong = await call(mpesaCallback, `${CALLBACK}/nope`, { body: callback(payment.checkout_request_id!, 0, 200) });
    expect(wrong.status).toBe(404);
    const query = await call(mpesaCallback, `${CALLBACK}/nope?token=${TOKEN}`, { body: callback(payment.checkout_request_id!, 0, 200) });
    expect(query.status).toBe(404);
    delete process.env.DARAJA_CALLBACK_TOKEN;
    const unconfigured = await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 200) });
    expect(unconfigured.status).toBe(404);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("pending");
    process.env.DARAJA_CALLBACK_TOKEN = TOKEN;
    const right = await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 200) });
    expect(right.status).toBe(200);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("completed");
  });

  it("does not let a callback settle a sandbox payment: only its simulated prompt does", async () => {
    const payment = await newPayment(partner2, { amount: 400, method: "mpesa", phone_number: "+254712345678" });
    const res = await call(mpesaCallback, AUTHORISED, { body: callback(payment.checkout_request_id!, 0, 400) });
    expect(res.status).toBe(200);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("pending");
  });
});
