/** Disputes on deliverables and payments: opening, what they freeze, and each resolution, through the route handlers. */
process.env.RATE_LIMIT_PER_MINUTE = "100000";
delete process.env.STRIPE_SECRET_KEY;

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { disputeResponse, listDisputesResponse } from "@/lib/partnerships/schemas/disputes";
import { call, tokenFor } from "@/tests/helpers/http";
import {
  activePartnership,
  demoParties,
  fund,
  movementsOf,
  paymentOfType,
  submit,
  submitAndApprove,
  type Parties,
  type StagedPartnership,
} from "@/tests/helpers/termination";
import { POST as approve } from "../deliverables/[deliverableId]/approve/route";
import { POST as revision } from "../deliverables/[deliverableId]/revision/route";
import { POST as release } from "../payments/[paymentId]/release/route";
import { GET as getPartnership } from "../route";
import { POST as terminate } from "../terminate/route";
import { POST as resolve } from "./[disputeId]/resolve/route";
import { GET as getOne } from "./[disputeId]/route";
import { GET as list, POST as open } from "./route";

let parties: Parties;
let admin: string;
let stranger: string;

beforeAll(async () => {
  parties = await demoParties();
  admin = await tokenFor("admin@demo.test");
  stranger = await tokenFor("brand2@demo.test");
});

const dispute = (p: StagedPartnership, body: Record<string, unknown>, token = parties.creator) =>
  call(open, `/api/partnerships/${p.partnershipId}/disputes`, { token, params: { partnershipId: p.partnershipId }, body });

const decide = (p: StagedPartnership, disputeId: string, body: Record<string, unknown>, token = admin) =>
  call(resolve, "/x", { token, params: { partnershipId: p.partnershipId, disputeId }, body });

const releasePayment = (p: StagedPartnership, paymentId: string) =>
  call(release, "/x", { token: parties.brand, params: { partnershipId: p.partnershipId, paymentId }, method: "POST" });

const paymentRow = (id: string) => getDb().partnershipPayment.findUniqueOrThrow({ where: { id } });
const deliverableRow = (id: string) => getDb().deliverable.findUniqueOrThrow({ where: { id } });

/** An active partnership with the final payment (covering the deliverable) in escrow and the deliverable submitted. */
async function fundedAndSubmitted() {
  const p = await activePartnership(parties);
  const final = await fund(parties, p, "final");
  await submit(parties, p);
  return { p, final };
}

describe("opening a dispute", () => {
  it("opens one on a deliverable, stops its review clock and shows it to both parties and admins", async () => {
    const { p } = await fundedAndSubmitted();
    const res = await dispute(p, {
      deliverableId: p.deliverableId,
      reason: "The brand keeps asking for changes outside the brief",
      evidenceUrls: ["https://example.com/brief.pdf", "http://example.com/chat"],
    });
    expect(res.status).toBe(201);
    expect(disputeResponse.parse(res.body)).toMatchObject({
      status: "open",
      outcome: null,
      subject: { kind: "deliverable", id: p.deliverableId, label: "Launch post" },
      deliverableId: p.deliverableId,
      paymentId: null,
      openedBy: { id: parties.creatorId },
      disputedAmount: 50,
      currency: "USD",
      creatorAmount: null,
      refundAmount: null,
    });
    expect((await deliverableRow(p.deliverableId)).reviewPausedAt).not.toBeNull();

    for (const token of [parties.brand, parties.creator, admin]) {
      const listed = await call(list, "/x", { token, params: { partnershipId: p.partnershipId } });
      expect(listed.status).toBe(200);
      expect(listDisputesResponse.parse(listed.body).disputes.map((d) => d.id)).toEqual([res.body.id]);
      const one = await call(getOne, "/x", { token, params: { partnershipId: p.partnershipId, disputeId: res.body.id } });
      expect(one.status).toBe(200);
      expect(one.body.evidenceUrls).toEqual(["https://example.com/brief.pdf", "http://example.com/chat"]);
    }
    expect((await call(list, "/x", { token: stranger, params: { partnershipId: p.partnershipId } })).status).toBe(404);
    expect((await call(getOne, "/x", { token: stranger, params: { partnershipId: p.partnershipId, disputeId: res.body.id } })).status).toBe(
      404,
    );

    const partnership = await call(getPartnership, "/x", { token: parties.brand, params: { partnershipId: p.partnershipId } });
    expect(partnership.body.disputes).toEqual([
      expect.objectContaining({ id: res.body.id, status: "open", reason: "The brand keeps asking for changes outside the brief" }),
    ]);
    expect(partnership.body.activity.at(-1).type).toBe("dispute_opened");
  });

  it("validates the subject, the reason and the evidence links (400)", async () => {
    const p = await activePartnership(parties);
    const bodies = [
      { reason: "Neither subject" },
      { deliverableId: p.deliverableId, paymentId: p.payments[0]!.id, reason: "Both subjects" },
      { deliverableId: p.deliverableId },
      { deliverableId: p.deliverableId, reason: " " },
      { deliverableId: p.deliverableId, reason: "Bad link", evidenceUrls: ["javascript:alert(1)"] },
      {
        deliverableId: p.deliverableId,
        reason: "Too many",
        evidenceUrls: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`),
      },
    ];
    for (const body of bodies) {
      const res = await dispute(p, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
    }
  });

  it("answers 404 for a deliverable or payment of another partnership", async () => {
    const p = await activePartnership(parties);
    const other = await activePartnership(parties);
    expect((await dispute(p, { deliverableId: other.deliverableId, reason: "Not mine" })).status).toBe(404);
    expect((await dispute(p, { paymentId: other.payments[0]!.id, reason: "Not mine" })).status).toBe(404);
    expect((await dispute(p, { deliverableId: p.deliverableId, reason: "Stranger" }, stranger)).status).toBe(404);
  });

  it("refuses a second open dispute on the same subject, a settled payment, and a partnership that is not active (409)", async () => {
    const p = await activePartnership(parties);
    const initial = await fund(parties, p, "initial");
    expect((await dispute(p, { deliverableId: p.deliverableId, reason: "First" })).status).toBe(201);
    const twice = await dispute(p, { deliverableId: p.deliverableId, reason: "Again" }, parties.brand);
    expect(twice.status).toBe(409);
    // The upfront payment covers no deliverable: its release is not frozen by the deliverable's dispute.
    expect((await releasePayment(p, initial.id)).status).toBe(200);
    const settled = await dispute(p, { paymentId: initial.id, reason: "Already released" });
    expect(settled.status).toBe(409);
    expect(settled.body.error.message).toMatch(/released/);

    const ended = await activePartnership(parties);
    await call(terminate, "/x", { token: parties.brand, params: { partnershipId: ended.partnershipId }, body: { reason: "Over" } });
    const late = await dispute(ended, { deliverableId: ended.deliverableId, reason: "Too late" });
    expect(late.status).toBe(409);
  });

  it("refuses a dispute on an approved deliverable whose money was released (409)", async () => {
    const p = await activePartnership(parties);
    const final = await fund(parties, p, "final");
    await submitAndApprove(parties, p);
    expect((await releasePayment(p, final.id)).status).toBe(200);
    const res = await dispute(p, { deliverableId: p.deliverableId, reason: "Changed my mind" }, parties.brand);
    expect(res.status).toBe(409);
  });
});

describe("what an open dispute freezes", () => {
  it("refuses the release of a disputed payment (409) until it is resolved", async () => {
    const p = await activePartnership(parties);
    const initial = await fund(parties, p, "initial");
    const opened = await dispute(p, { paymentId: initial.id, reason: "The upfront payment was promised earlier" }, parties.brand);
    expect(opened.status).toBe(201);
    const frozen = await releasePayment(p, initial.id);
    expect(frozen.status).toBe(409);
    expect(frozen.body.error).toMatchObject({ code: "invalid_state", message: "A dispute is open on this payment" });
    expect((await paymentRow(initial.id)).status).toBe("in_progress");
  });

  it("refuses approval, a revision request and the release of covering payments while a deliverable is disputed", async () => {
    const { p, final } = await fundedAndSubmitted();
    expect((await dispute(p, { deliverableId: p.deliverableId, reason: "Stalled review" })).status).toBe(201);
    const params = { partnershipId: p.partnershipId, deliverableId: p.deliverableId };
    const approved = await call(approve, "/x", { token: parties.brand, params, body: {} });
    expect(approved.status).toBe(409);
    expect(approved.body.error.message).toBe("A dispute is open on this deliverable");
    expect((await call(revision, "/x", { token: parties.brand, params, body: { feedback: "More" } })).status).toBe(409);
    expect((await releasePayment(p, final.id)).status).toBe(409);
    expect((await deliverableRow(p.deliverableId)).status).toBe("submitted");
  });
});

describe("resolving a dispute", () => {
  it("is for admins only (403 for the parties), 404 for an unknown dispute, 409 the second time", async () => {
    const { p } = await fundedAndSubmitted();
    const opened = await dispute(p, { deliverableId: p.deliverableId, reason: "Stalled review" });
    for (const token of [parties.brand, parties.creator]) {
      const res = await decide(p, opened.body.id, { outcome: "release", note: "I decide" }, token);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("insufficient_permissions");
    }
    expect((await decide(p, "00000000-0000-4000-8000-000000000000", { outcome: "release", note: "Nothing" })).status).toBe(404);
    const other = await activePartnership(parties);
    expect((await decide(other, opened.body.id, { outcome: "release", note: "Wrong partnership" })).status).toBe(404);
    expect((await decide(p, opened.body.id, { outcome: "release", note: "Work matches the brief" })).status).toBe(200);
    const again = await decide(p, opened.body.id, { outcome: "refund", note: "Second thoughts" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("invalid_state");
  });

  it("release: approves the deliverable and releases its funded payment to the creator", async () => {
    const { p, final } = await fundedAndSubmitted();
    const paused = new Date(Date.now() - 3_600_000);
    const deadline = new Date(Date.now() + 86_400_000);
    const opened = await dispute(p, { deliverableId: p.deliverableId, reason: "Stalled review" });
    await getDb().deliverable.update({ where: { id: p.deliverableId }, data: { reviewPausedAt: paused, reviewDeadlineAt: deadline } });
    const res = await decide(p, opened.body.id, { outcome: "release", note: "Work matches the brief" });
    expect(res.status).toBe(200);
    expect(disputeResponse.parse(res.body)).toMatchObject({
      status: "resolved",
      outcome: "release",
      creatorAmount: 50,
      refundAmount: 0,
      disputedAmount: 50,
      resolutionNote: "Work matches the brief",
    });
    expect(res.body.resolvedBy.name).toEqual(expect.any(String));
    const deliverable = await deliverableRow(p.deliverableId);
    expect(deliverable).toMatchObject({ status: "approved", reviewPausedAt: null });
    expect((await paymentRow(final.id)).status).toBe("completed");
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, release: 5000n });
    const activity = await getDb().activityLog.findMany({ where: { partnershipId: p.partnershipId }, orderBy: { seq: "asc" } });
    const resolved = activity.find((a) => a.type === "dispute_resolved")!;
    expect(resolved.metadata).toMatchObject({ outcome: "release", creatorAmountMinor: "5000", refundAmountMinor: "0" });
  });

  it("split: the creator's share released and the rest refunded, to the cent in the ledger", async () => {
    const { p, final } = await fundedAndSubmitted();
    const opened = await dispute(p, { deliverableId: p.deliverableId, reason: "Half the work was delivered" }, parties.brand);
    for (const creatorAmount of [0, 50, 60]) {
      const refused = await decide(p, opened.body.id, { outcome: "split", note: "Out of range", creatorAmount });
      expect(refused.status).toBe(400);
    }
    expect((await decide(p, opened.body.id, { outcome: "split", note: "No share" })).status).toBe(400);
    const res = await decide(p, opened.body.id, { outcome: "split", note: "Part of the work was usable", creatorAmount: 30.25 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: "split", creatorAmount: 30.25, refundAmount: 19.75 });
    const payment = await paymentRow(final.id);
    expect(payment).toMatchObject({ status: "completed", refundedMinor: 1975n });
    expect(payment.providerRefund).toMatch(/^sandbox_re_/);
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 1975n, release: 3025n });
    expect((await deliverableRow(p.deliverableId)).status).toBe("approved");
    const payout = await getDb().payout.findUniqueOrThrow({ where: { paymentId: final.id } });
    expect(payout.amountMinor).toBe(3025n);
  });

  it("split across several funded payments in plan order: one released whole, the next divided", async () => {
    const p = await activePartnership(parties);
    const initial = paymentOfType(p, "initial");
    // Let the upfront payment cover the deliverable too, so that two funded payments are in dispute.
    await getDb().partnershipPaymentDeliverable.create({ data: { paymentId: initial.id, deliverableId: p.deliverableId } });
    await fund(parties, p, "initial");
    const final = await fund(parties, p, "final");
    await submit(parties, p);
    const opened = await dispute(p, { deliverableId: p.deliverableId, reason: "Late delivery" }, parties.brand);
    expect(opened.body.disputedAmount).toBe(100);
    const res = await decide(p, opened.body.id, { outcome: "split", note: "Late but delivered", creatorAmount: 70 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ creatorAmount: 70, refundAmount: 30, disputedAmount: 100 });
    expect(await movementsOf(initial.id)).toEqual({ charge: 5000n, release: 5000n });
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 3000n, release: 2000n });
    // Every deliverable approved and every payment settled: the partnership is done.
    expect((await getDb().partnership.findUniqueOrThrow({ where: { id: p.partnershipId } })).status).toBe("completed");
  });

  it("split with nothing in escrow is refused (409)", async () => {
    const p = await activePartnership(parties);
    await submit(parties, p);
    const opened = await dispute(p, { deliverableId: p.deliverableId, reason: "Unpaid" });
    const res = await decide(p, opened.body.id, { outcome: "split", note: "Nothing to divide", creatorAmount: 10 });
    expect(res.status).toBe(409);
  });

  it("refund: the funded payment goes back to the brand and the deliverable is rejected", async () => {
    const { p, final } = await fundedAndSubmitted();
    const opened = await dispute(p, { deliverableId: p.deliverableId, reason: "Off-brief work" }, parties.brand);
    const res = await decide(p, opened.body.id, { outcome: "refund", note: "The work does not match the brief" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: "refund", creatorAmount: 0, refundAmount: 50 });
    expect(await paymentRow(final.id)).toMatchObject({ status: "refunded", refundedMinor: 5000n });
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 5000n });
    expect(await deliverableRow(p.deliverableId)).toMatchObject({
      status: "rejected",
      feedback: "Dispute resolved for the brand: The work does not match the brief",
    });
    const partnership = await call(getPartnership, "/x", { token: parties.creator, params: { partnershipId: p.partnershipId } });
    expect(partnership.body.disputes[0]).toMatchObject({ status: "resolved", outcome: "refund", resolvedAt: expect.any(String) });
    // The dispute no longer holds termination back.
    expect(
      (await call(terminate, "/x", { token: parties.brand, params: { partnershipId: p.partnershipId }, body: { reason: "Done" } })).status,
    ).toBe(200);
  });

  it("refund of a disputed payment, and release unfreezes once resolved", async () => {
    const p = await activePartnership(parties);
    const initial = await fund(parties, p, "initial");
    const opened = await dispute(p, { paymentId: initial.id, reason: "Paid by mistake" }, parties.brand);
    expect(opened.body.subject).toMatchObject({ kind: "payment", id: initial.id });
    const res = await decide(p, opened.body.id, { outcome: "refund", note: "Refund the upfront payment" });
    expect(res.status).toBe(200);
    expect(await paymentRow(initial.id)).toMatchObject({ status: "refunded", refundedMinor: 5000n });
    const final = await fund(parties, p, "final");
    await submitAndApprove(parties, p);
    expect((await releasePayment(p, final.id)).status).toBe(200);
  });
});
