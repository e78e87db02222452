/**
 * Refunds through Stripe, against the local fake of its API: termination refunds a funded
 * payment on its PaymentIntent, a split dispute refunds only the brand's part, and the
 * idempotency key derived from the payment makes a retried refund the same refund.
 */
process.env.RATE_LIMIT_PER_MINUTE = "100000";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { markPaymentFunded } from "@/lib/partnerships/mark-payment-funded";
import { getPaymentProvider } from "@/lib/payments/payment-provider";
import { startFakeStripe, type FakeStripe } from "@/tests/fakes/stripe-server";
import { call, tokenFor } from "@/tests/helpers/http";
import {
  activePartnership,
  demoParties,
  initiate,
  movementsOf,
  submit,
  type Parties,
  type StagedPartnership,
} from "@/tests/helpers/termination";
import { POST as resolve } from "../disputes/[disputeId]/resolve/route";
import { POST as openDispute } from "../disputes/route";
import { POST as terminate } from "./route";

let fake: FakeStripe;
let parties: Parties;

beforeAll(async () => {
  parties = await demoParties();
  fake = await startFakeStripe();
  fake.useFromApp();
});

afterAll(async () => {
  fake.restore();
  await fake.close();
});

/** The brand's Stripe charge for the payment, landed (as the webhook reports it). */
async function fundThroughStripe(p: StagedPartnership, type: "initial" | "final") {
  const started = await initiate(parties, p, type);
  expect(started.transactionId).toMatch(/^pi_/);
  await getDb().$transaction((tx) => markPaymentFunded(tx, { providerPaymentIntent: started.transactionId }));
  return started;
}

const refundRequests = () => fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds");

describe("refunds through Stripe", () => {
  it("termination refunds the funded payment on its PaymentIntent, once", async () => {
    const p = await activePartnership(parties);
    const final = await fundThroughStripe(p, "final");
    const before = refundRequests().length;
    const res = await call(terminate, "/x", {
      token: parties.brand,
      params: { partnershipId: p.partnershipId },
      body: { reason: "Cancelled" },
    });
    expect(res.status).toBe(200);
    const sent = refundRequests().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      idempotencyKey: `refund_${final.id}`,
      body: { payment_intent: final.transactionId, amount: "5000", metadata: { paymentId: final.id } },
    });
    const payment = await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: final.id } });
    expect(payment).toMatchObject({ status: "refunded", refundedMinor: 5000n });
    expect(fake.refunds.has(payment.providerRefund!)).toBe(true);
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 5000n });

    // A retry with the same key reaches the same refund: no second refund at Stripe.
    const again = await getPaymentProvider().refundCharge({
      providerPaymentIntent: final.transactionId,
      amountMinor: 5000n,
      currency: "USD",
      paymentId: final.id,
      idempotencyKey: `refund_${final.id}`,
    });
    expect(again).toEqual({ providerRefund: payment.providerRefund, sandbox: false });
  });

  it("a split refunds only the brand's part", async () => {
    const p = await activePartnership(parties);
    const final = await fundThroughStripe(p, "final");
    await submit(parties, p);
    const opened = await call(openDispute, "/x", {
      token: parties.brand,
      params: { partnershipId: p.partnershipId },
      body: { deliverableId: p.deliverableId, reason: "Half done" },
    });
    expect(opened.status).toBe(201);
    const before = refundRequests().length;
    const res = await call(resolve, "/x", {
      token: await tokenFor("admin@demo.test"),
      params: { partnershipId: p.partnershipId, disputeId: opened.body.id },
      body: { outcome: "split", note: "Share it", creatorAmount: 40 },
    });
    expect(res.status).toBe(200);
    expect(
      refundRequests()
        .slice(before)
        .map((r) => r.body.amount),
    ).toEqual(["1000"]);
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 1000n, release: 4000n });
  });
});
