/**
 * Card payments on a server without Stripe keys: the sandbox stands in for Stripe, and the
 * partner's answer to the simulated card payment settles the payment through the same
 * path as Stripe's webhook: once, funding what it pays for.
 */
import { disbursementPeriods } from "@/lib/sponsorship/disbursement-calendar";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { cardPaymentSecret } from "@/lib/sponsorship/card-payment";
import { actorByEmail } from "@/tests/helpers/actors";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as sandboxPrompt } from "./[id]/sandbox-prompt/route";
import { POST as create } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/v1/partner/payments";
let partner: string;
let partner2: string;
let partnerId: string;

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  partner = await tokenFor("partner@demo.test");
  partner2 = await tokenFor("partner2@demo.test");
  partnerId = (await actorByEmail("partner@demo.test")).organizationId!;
});

const prompt = (id: string, token: string, action: string) =>
  call(sandboxPrompt, `${URL}/${id}/sandbox-prompt`, { token, body: { action }, params: { id } });

/** A pending sponsorship of the partner and the amount (major units) that fully funds it. */
async function pendingSponsorship(skip = 0) {
  const sponsorship = await getDb().sponsorship.findFirstOrThrow({
    where: { partnerId, status: "pending", currency: "KES" },
    orderBy: { id: "asc" },
    skip,
  });
  return { sponsorship, amount: Number(sponsorship.amountMinor / 100n) };
}

describe("sandbox card payments", () => {
  it("completes a card payment end to end: sandbox charge, simulated card payment, funded sponsorship and program, paid invoice", async () => {
    const { sponsorship, amount } = await pendingSponsorship();
    const program = await getDb().program.findFirstOrThrow({ where: { partnerId, status: "planning" } });
    const made = await call(create, URL, {
      token: partner,
      body: { method: "stripe", amount, sponsorship_ids: [sponsorship.id], program_id: program.id },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ method: "stripe", status: "pending", sandbox: true });
    expect(made.body).not.toHaveProperty("client_secret");

    // The pay page finds a sandbox charge to answer.
    const payable = await cardPaymentSecret({ actor: await actorByEmail("partner@demo.test"), paymentId: made.body.id });
    expect(payable).toMatchObject({ paymentId: made.body.id, sandbox: true, amountMinor: sponsorship.amountMinor, currency: "KES" });

    expect((await prompt(made.body.id, partner2, "approve")).status).toBe(404);
    const approved = await prompt(made.body.id, partner, "approve");
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ id: made.body.id, status: "completed", sandbox: true, sponsorship_ids: [sponsorship.id] });
    expect(approved.body.receipt).toMatch(/^ch_sandbox_[0-9a-f]{24}$/);

    const db = getDb();
    const row = await db.payment.findUniqueOrThrow({ where: { id: made.body.id }, include: { invoice: true } });
    expect(row).toMatchObject({ status: "completed", receipt: approved.body.receipt });
    expect(row.invoice?.status).toBe("paid");
    expect((await db.sponsorship.findUniqueOrThrow({ where: { id: sponsorship.id } })).status).toBe("active");
    // One disbursement per monthly period, together the whole amount.
    const disbursements = await db.disbursement.findMany({ where: { paymentId: made.body.id } });
    expect(disbursements).toHaveLength(disbursementPeriods(sponsorship).length);
    expect(new Set(disbursements.map((d) => d.sponsorshipId))).toEqual(new Set([sponsorship.id]));
    expect(disbursements.reduce((sum, d) => sum + d.amountMinor, 0n)).toBe(sponsorship.amountMinor);
    expect((await db.program.findUniqueOrThrow({ where: { id: program.id } })).status).toBe("active");

    // Settled once: answering again, either way, is refused and changes nothing.
    expect(await prompt(made.body.id, partner, "approve")).toMatchObject({ status: 409, body: { detail: "Payment is already completed" } });
    expect((await prompt(made.body.id, partner, "cancel")).status).toBe(409);
    expect((await db.payment.findUniqueOrThrow({ where: { id: made.body.id } })).status).toBe("completed");
    await expect(cardPaymentSecret({ actor: await actorByEmail("partner@demo.test"), paymentId: made.body.id })).rejects.toMatchObject({
      code: "conflict",
    });
  });

  it("fails the payment when the partner cancels the simulated card payment, funding nothing", async () => {
    const { sponsorship, amount } = await pendingSponsorship();
    const made = await call(create, URL, { token: partner, body: { method: "stripe", amount, sponsorship_ids: [sponsorship.id] } });
    const cancelled = await prompt(made.body.id, partner, "cancel");
    expect(cancelled.body).toMatchObject({ status: "failed", sandbox: true });
    const row = await getDb().payment.findUniqueOrThrow({ where: { id: made.body.id }, include: { invoice: true } });
    expect(row).toMatchObject({ status: "failed", failureReason: "The sandbox card payment was cancelled" });
    expect(row.invoice?.status).toBe("void");
    expect((await getDb().sponsorship.findUniqueOrThrow({ where: { id: sponsorship.id } })).status).toBe("pending");
  });

  it("applies a completion once when the simulated card payment is approved 10 times at once", async () => {
    const { sponsorship, amount } = await pendingSponsorship(1);
    const made = await call(create, URL, { token: partner, body: { method: "stripe", amount, sponsorship_ids: [sponsorship.id] } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => prompt(made.body.id, partner, "approve")));
    // Each one either settled the payment or found it settled; none settled it again.
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers.filter((a) => a.status === 200)) expect(answer.body).toMatchObject({ status: "completed" });

    const db = getDb();
    expect(await db.disbursement.count({ where: { paymentId: made.body.id } })).toBe(disbursementPeriods(sponsorship).length);
    expect(await db.sponsorshipEvent.count({ where: { sponsorshipId: sponsorship.id, event: "Sponsorship activated" } })).toBe(1);
    expect((await db.sponsorship.findUniqueOrThrow({ where: { id: sponsorship.id } })).status).toBe("active");
  });

  it("has no simulated card payment for a Stripe charge, another method, or where sandbox payments are off", async () => {
    const bank = await call(create, URL, {
      token: partner,
      body: { method: "bank_transfer", amount: 50, bank_reference: "BT-SANDBOX-CARD" },
    });
    expect((await prompt(bank.body.id, partner, "approve")).status).toBe(409);

    const card = await call(create, URL, { token: partner, body: { method: "stripe", amount: 60 } });
    await getDb().payment.update({ where: { id: card.body.id }, data: { sandbox: false, providerRef: "pi_real_charge" } });
    expect(await prompt(card.body.id, partner, "approve")).toMatchObject({
      status: 409,
      body: { detail: "Only sandbox card payments have a simulated card payment" },
    });

    const sandboxCard = await call(create, URL, { token: partner, body: { method: "stripe", amount: 70 } });
    process.env.SANDBOX_PAYMENTS = "off";
    try {
      expect(await prompt(sandboxCard.body.id, partner, "approve")).toMatchObject({
        status: 409,
        body: { detail: "Sandbox payments are turned off on this server" },
      });
    } finally {
      delete process.env.SANDBOX_PAYMENTS;
    }
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: sandboxCard.body.id } })).status).toBe("pending");
  });
});
