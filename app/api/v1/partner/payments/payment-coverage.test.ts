/**
 * Nothing is paid for twice: a sponsorship or program under a pending payment, a fully
 * funded or cancelled sponsorship are refused; a failed payment voids its invoice; an
 * unpaid bank transfer expires through the queue; and GET /partner/payments/{id} follows
 * one payment.
 */
import { TestClock, type PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { startBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queue-names";
import { runDueJobs } from "@/lib/jobs/queues";
import { completePayment } from "@/lib/sponsorship/complete-payment";
import { listUnpaidSponsorships } from "@/lib/sponsorship/list-unpaid-sponsorships";
import { paymentDetailResponse } from "@/lib/sponsorship/schemas/payment-detail";
import { actorByEmail } from "@/tests/helpers/actors";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as getPayment } from "./[id]/route";
import { POST as sandboxPrompt } from "./[id]/sandbox-prompt/route";
import { POST as create } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/payments";
const DAY = 86_400_000;
let partner: string;
let partner2: string;
let partnerActor: Actor;
let admin: Actor;
let org1: string;
let studentIds: string[];

beforeAll(async () => {
  [partner, partner2] = await Promise.all([tokenFor("partner@demo.test"), tokenFor("partner2@demo.test")]);
  [partnerActor, admin] = await Promise.all([actorByEmail("partner@demo.test"), actorByEmail("admin@demo.test")]);
  org1 = partnerActor.organizationId!;
  studentIds = (await getDb().student.findMany({ orderBy: { id: "asc" }, take: 40, select: { id: true } })).map((s) => s.id);
});

let made = 0;
/** A new pending sponsorship of partner 1 for a year from next month, KES 12,000. */
async function freshSponsorship(amountMinor = 1_200_000n) {
  const now = new Date();
  return getDb().sponsorship.create({
    data: {
      partnerId: org1,
      studentId: studentIds[made++ % studentIds.length]!,
      type: "partial",
      amountMinor,
      startDate: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
      endDate: new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth() + 1, 0)),
    },
  });
}

const pay = (body: Record<string, unknown>, token = partner) =>
  call(create, URL, { token, body: { method: "bank_transfer", bank_reference: "FT-COVER", ...body } });
const detail = (id: string, token = partner) => call(getPayment, `${URL}/${id}`, { token, params: { id } });
const offered = async () => new Map((await listUnpaidSponsorships({ actor: partnerActor })).map((s) => [s.id, s]));
const settle = (paymentId: string, outcome: "completed" | "failed", reason?: string) =>
  completePayment({ actor: admin, paymentId, outcome, reason, source: "admin" });

describe("no double funding", () => {
  it("refuses a sponsorship a pending payment covers, naming it, and takes it again once that payment failed", async () => {
    const sponsorship = await freshSponsorship();
    expect((await offered()).get(sponsorship.id)).toMatchObject({ amount: 12_000, total_amount: 12_000 });

    const first = await pay({ amount: 12_000, sponsorship_ids: [sponsorship.id] });
    expect(first.status).toBe(201);
    expect((await offered()).has(sponsorship.id)).toBe(false);

    const before = await getDb().payment.count();
    const second = await pay({ amount: 12_000, sponsorship_ids: [sponsorship.id] }, partner);
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(first.body.payment_reference);
    expect(second.body.detail).toContain("can be paid again once that payment fails or expires");
    expect(await getDb().payment.count()).toBe(before);

    // The failed payment's invoice is void, in the same change; then the sponsorship is payable again.
    await settle(first.body.id, "failed", "Transfer never arrived");
    const invoice = await getDb().invoice.findUniqueOrThrow({ where: { id: first.body.invoice_id } });
    expect(invoice).toMatchObject({ status: "void", voidReason: "Payment failed: Transfer never arrived" });
    expect(invoice.voidedAt).not.toBeNull();
    expect((await offered()).has(sponsorship.id)).toBe(true);
    expect((await pay({ amount: 12_000, sponsorship_ids: [sponsorship.id] })).status).toBe(201);
  });

  it("refuses a program a pending payment covers", async () => {
    const program = await getDb().program.findFirstOrThrow({ where: { partnerId: org1, payments: { none: { status: "pending" } } } });
    const first = await pay({ amount: 1_000, program_id: program.id });
    expect(first.status).toBe(201);
    const second = await pay({ amount: 1_000, program_id: program.id });
    expect(second.status).toBe(409);
    expect(second.body.detail).toContain(first.body.payment_reference);
  });

  it("offers a partly funded sponsorship with what remains, and refuses a fully funded or cancelled one", async () => {
    const sponsorship = await freshSponsorship();
    const part = await pay({ amount: 4_000, sponsorship_ids: [sponsorship.id] });
    await settle(part.body.id, "completed");
    expect((await offered()).get(sponsorship.id)).toMatchObject({ amount: 8_000, total_amount: 12_000 });

    const rest = await pay({ amount: 8_000, sponsorship_ids: [sponsorship.id] });
    expect(rest.status).toBe(201);
    await settle(rest.body.id, "completed");
    expect((await offered()).has(sponsorship.id)).toBe(false);
    const funded = await pay({ amount: 100, sponsorship_ids: [sponsorship.id] });
    expect(funded.status).toBe(409);
    expect(funded.body.detail).toContain("already fully funded");

    const cancelled = await freshSponsorship();
    await getDb().sponsorship.update({ where: { id: cancelled.id }, data: { status: "cancelled", endedAt: new Date() } });
    const refused = await pay({ amount: 100, sponsorship_ids: [cancelled.id] });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("cancelled");
  });

  it("lets exactly one of concurrent payments for the same sponsorship through", async () => {
    const sponsorship = await freshSponsorship();
    const results = await Promise.all(Array.from({ length: 5 }, () => pay({ amount: 12_000, sponsorship_ids: [sponsorship.id] })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await getDb().paymentSponsorship.count({ where: { sponsorshipId: sponsorship.id } })).toBe(1);
  });
});

describe("expiry", () => {
  let boss: PgBoss;
  let clock: TestClock;
  beforeAll(async () => {
    clock = new TestClock(Date.now());
    boss = await startBoss({ clock, background: false });
  });
  afterAll(() => stopBoss());

  it("fails an unpaid bank transfer as expired after its invoice's due date, through the queue, leaving M-Pesa and card payments alone", async () => {
    const sponsorship = await freshSponsorship();
    const transfer = await pay({ amount: 12_000, sponsorship_ids: [sponsorship.id] });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: transfer.body.id }, include: { invoice: true } });
    // Expires at the end of the invoice's due date, 14 days on.
    expect(row.expiresAt?.getTime()).toBe(row.invoice!.dueDate.getTime() + DAY);
    expect(row.invoice!.dueDate.getTime() - row.invoice!.issuedDate.getTime()).toBe(14 * DAY);
    expect(paymentDetailResponse.parse((await detail(transfer.body.id)).body).expires_at).toBe(row.expiresAt!.toISOString());

    // M-Pesa's outcome is for M-Pesa to say, a card payment's for Stripe: the sweep never expires them.
    const mpesa = await call(create, URL, { token: partner2, body: { amount: 50, method: "mpesa", phone_number: "0712345678" } });
    const card = await call(create, URL, { token: partner2, body: { amount: 50, method: "stripe" } });
    await getDb().payment.updateMany({ where: { id: { in: [mpesa.body.id, card.body.id] } }, data: { expiresAt: row.expiresAt } });

    // Not yet due.
    await boss.send(QUEUES.paymentExpirySweep, {});
    expect(await runDueJobs(boss, QUEUES.paymentExpirySweep)).toBe(1);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: transfer.body.id } })).status).toBe("pending");

    await clock.setTime(row.expiresAt!.getTime() + 60_000);
    await boss.send(QUEUES.paymentExpirySweep, {});
    expect(await runDueJobs(boss, QUEUES.paymentExpirySweep)).toBe(1);
    const expired = await getDb().payment.findUniqueOrThrow({ where: { id: transfer.body.id }, include: { invoice: true } });
    expect(expired).toMatchObject({ status: "failed", failureCode: "expired" });
    expect(expired.failureReason).toContain("Expired");
    expect(expired.invoice).toMatchObject({ status: "void" });
    expect(expired.invoice?.voidedAt?.getTime()).toBe(clock.now());
    for (const id of [mpesa.body.id, card.body.id]) {
      expect((await getDb().payment.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    }

    const shown = paymentDetailResponse.parse((await detail(transfer.body.id)).body);
    expect(shown).toMatchObject({ status: "failed", failure_code: "expired", instructions: null });
    // What it covered can be paid again.
    expect((await offered()).has(sponsorship.id)).toBe(true);
    expect((await pay({ amount: 12_000, sponsorship_ids: [sponsorship.id] })).status).toBe(201);
    await clock.setTime(Date.now());
  });
});

describe("GET /partner/payments/{id}", () => {
  it("shows the partner's own pending bank transfer with how to pay it, and answers 404 to anyone else", async () => {
    process.env.MPESA_PAYBILL_NUMBER = "522533";
    try {
      const made = await call(create, URL, { token: partner, body: { amount: 700, method: "bank_transfer" } });
      const res = await detail(made.body.id);
      expect(res.status).toBe(200);
      const body = paymentDetailResponse.parse(res.body);
      expect(body).toMatchObject({
        id: made.body.id,
        status: "pending",
        method: "bank_transfer",
        amount: 700,
        invoice_id: made.body.invoice_id,
        failure_code: null,
        failure_reason: null,
        instructions: {
          reference_to_quote: made.body.payment_reference,
          bank: expect.objectContaining({ account_number: expect.any(String) }),
          paybill: { business_number: "522533", account_number: made.body.payment_reference },
        },
      });
      expect((await detail(made.body.id, partner2)).status).toBe(404);
      expect((await detail("not-a-uuid")).status).toBe(404);
      expect((await call(getPayment, `${URL}/${made.body.id}`, { params: { id: made.body.id } })).status).toBe(401);
    } finally {
      delete process.env.MPESA_PAYBILL_NUMBER;
    }
  });

  it("shows a sandbox M-Pesa payment completed with its receipt, and a cancelled one failed with the reason", async () => {
    const approved = await call(create, URL, { token: partner2, body: { amount: 60, method: "mpesa", phone_number: "0712345678" } });
    expect(paymentDetailResponse.parse((await detail(approved.body.id, partner2)).body)).toMatchObject({
      status: "pending",
      sandbox: true,
      phone_number: "+254712345678",
      expires_at: null,
      instructions: null,
    });
    const prompt = (id: string, action: string) =>
      call(sandboxPrompt, `${URL}/${id}/sandbox-prompt`, { token: partner2, body: { action }, params: { id } });
    await prompt(approved.body.id, "approve");
    const done = paymentDetailResponse.parse((await detail(approved.body.id, partner2)).body);
    expect(done.status).toBe("completed");
    expect(done.receipt).toEqual(expect.any(String));

    const cancelled = await call(create, URL, { token: partner2, body: { amount: 60, method: "mpesa", phone_number: "0712345678" } });
    await prompt(cancelled.body.id, "cancel");
    const failed = paymentDetailResponse.parse((await detail(cancelled.body.id, partner2)).body);
    expect(failed.status).toBe("failed");
    expect(failed.failure_reason).toEqual(expect.any(String));
  });
});
