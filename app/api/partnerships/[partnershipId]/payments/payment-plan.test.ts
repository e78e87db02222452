/** Payment plans from the schedule, milestones bounded by the compensation, and cancelling unfunded payments. */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, Prisma } from "@/lib/db";
import { acceptProposalResponse, proposalResponse } from "@/lib/partnerships/schemas/proposals";
import { initiatePaymentResponse, listPaymentsResponse, paymentResponse, type PaymentResponse } from "@/lib/partnerships/schemas/payments";
import { partnershipResponse } from "@/lib/partnerships/schemas/partnerships";
import { POST as acceptProposal } from "@/app/api/partnerships/proposals/[proposalId]/accept/route";
import { POST as counterProposal } from "@/app/api/partnerships/proposals/[proposalId]/counter/route";
import { PATCH as updateProposal } from "@/app/api/partnerships/proposals/[proposalId]/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { GET as getPartnership } from "@/app/api/partnerships/[partnershipId]/route";
import { freshCampaign } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as cancel } from "./[paymentId]/cancel/route";
import { POST as confirm } from "./[paymentId]/confirm/route";
import { POST as release } from "./[paymentId]/release/route";
import { GET as list, POST as initiate } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";
delete process.env.STRIPE_SECRET_KEY;

const tokens = {} as Record<"brand" | "creator", string>;
const ids = {} as Record<"brand" | "creator", string>;

beforeAll(async () => {
  for (const who of ["brand", "creator"] as const) {
    tokens[who] = await tokenFor(`${who}@demo.test`);
    ids[who] = (await getDb().user.findUniqueOrThrow({ where: { email: `${who}@demo.test` } })).id;
  }
});

const DELIVERABLES = [
  { type: "instagram_post", description: "Launch post", dueDate: "2027-02-01T00:00:00Z" },
  { type: "tiktok_video", description: "Unboxing video", dueDate: "2027-02-15T00:00:00Z" },
];

async function proposalBody(paymentSchedule: string | undefined, amount = 100) {
  return {
    recipientId: ids.creator,
    campaignId: await freshCampaign(ids.brand),
    deliverables: DELIVERABLES,
    compensation: { amount, currency: "USD", ...(paymentSchedule !== undefined ? { paymentSchedule } : {}) },
    timeline: { startDate: "2027-01-15T00:00:00Z", endDate: "2027-03-01T00:00:00Z" },
  };
}

const fieldsOf = (body: unknown) =>
  (body as { error: { details: { fields: Array<{ path: string; type: string }> } } }).error.details.fields;

/**
 * An accepted proposal's partnership with the contract in force. The contract is written
 * directly: signing is tested with the contract routes, and payments need only its status.
 */
async function activePartnership(paymentSchedule: string | undefined, amount = 100) {
  const created = await call(createProposal, "/api/partnerships/proposals", {
    token: tokens.brand,
    body: await proposalBody(paymentSchedule, amount),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const proposalId = created.body.id as string;
  await call(sendProposal, "/x", { token: tokens.brand, params: { proposalId }, method: "POST" });
  const accepted = await call(acceptProposal, "/x", { token: tokens.creator, params: { proposalId }, method: "POST" });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const { partnership } = acceptProposalResponse.parse(accepted.body);
  const document = new Uint8Array(Buffer.from(`contract ${partnership.id}`));
  await getDb().contract.create({
    data: {
      partnershipId: partnership.id,
      status: "active",
      document,
      documentSha256: createHash("sha256").update(document).digest("hex"),
    },
  });
  return partnership;
}

const base = (partnershipId: string) => `/api/partnerships/${partnershipId}/payments`;

async function payments(partnershipId: string): Promise<PaymentResponse[]> {
  const res = await call(list, base(partnershipId), { token: tokens.brand, params: { partnershipId } });
  return listPaymentsResponse.parse(res.body).payments;
}

const post = (handler: typeof cancel, partnershipId: string, paymentId: string, token = tokens.brand, body?: unknown) =>
  call(handler, `${base(partnershipId)}/${paymentId}/x`, { token, params: { partnershipId, paymentId }, method: "POST", body });

const initiateBody = (partnershipId: string, body: Record<string, unknown>) =>
  call(initiate, base(partnershipId), { token: tokens.brand, params: { partnershipId }, body: { currency: "USD", ...body } });

/** Initiates and confirms (sandbox) a payment: it is then held in escrow. */
async function fund(partnershipId: string, payment: PaymentResponse) {
  const started = await initiateBody(partnershipId, { type: payment.type, amount: payment.amount, paymentId: payment.id });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  expect((await post(confirm, partnershipId, payment.id)).status).toBe(200);
}

describe("the schedule is checked where proposals are written", () => {
  it("refuses an unreadable schedule with 400 on the field and stores nothing", async () => {
    const before = await getDb().proposal.count();
    const res = await call(createProposal, "/api/partnerships/proposals", { token: tokens.brand, body: await proposalBody("net 30") });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: "invalid_request" } });
    expect(fieldsOf(res.body)).toEqual([
      { path: "body.compensation.paymentSchedule", message: expect.stringContaining("net 30"), type: "value_error.payment_schedule" },
    ]);
    expect(await getDb().proposal.count()).toBe(before);
  });

  it("refuses on edit and counter, against the amount and deliverables as they become", async () => {
    const created = await call(createProposal, "/api/partnerships/proposals", {
      token: tokens.brand,
      body: await proposalBody("USD 20 on signing, rest on completion"),
    });
    const draft = proposalResponse.parse(created.body);
    expect(draft.compensation.paymentPlan).toEqual([
      {
        position: 1,
        type: "initial",
        trigger: "on_signing",
        percent: null,
        amount: 20,
        deliverables: [],
        description: "USD 20.00 on signing of the contract",
      },
      {
        position: 2,
        type: "final",
        trigger: "on_completion",
        percent: null,
        amount: 80,
        deliverables: [1, 2],
        description: "Rest (USD 80.00) on approval of all deliverables",
      },
    ]);
    const params = { proposalId: draft.id };
    for (const body of [
      { compensation: { paymentSchedule: "net 30" } },
      // The schedule is kept, but USD 20 leaves nothing of USD 15 for the rest.
      { compensation: { amount: 15 } },
      { compensation: { paymentSchedule: "50% on approval of deliverable 3, 50% on completion" } },
      { deliverables: [DELIVERABLES[0]], compensation: { paymentSchedule: "50% on approval of deliverable 2, 50% on completion" } },
    ]) {
      const res = await call(updateProposal, "/x", { method: "PATCH", token: tokens.brand, params, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body).map((f) => f.path)).toEqual(["body.compensation.paymentSchedule"]);
    }
    const stored = await getDb().proposal.findUniqueOrThrow({ where: { id: draft.id } });
    expect([stored.paymentSchedule, stored.amountMinor]).toEqual(["USD 20 on signing, rest on completion", 10_000n]);

    const patched = await call(updateProposal, "/x", {
      method: "PATCH",
      token: tokens.brand,
      params,
      body: { compensation: { paymentSchedule: "40% on approval of deliverables 1 and 2, 60% on completion" } },
    });
    expect(patched.status).toBe(200);
    expect(proposalResponse.parse(patched.body).compensation.paymentPlan!.map((i) => [i.type, i.amount, i.deliverables])).toEqual([
      ["milestone", 40, [1, 2]],
      ["final", 60, [1, 2]],
    ]);

    await call(sendProposal, "/x", { token: tokens.brand, params, method: "POST" });
    const countersBefore = await getDb().proposal.count({ where: { counterOfId: draft.id } });
    const refused = await call(counterProposal, "/x", {
      token: tokens.creator,
      params,
      body: { compensation: { paymentSchedule: "30% upfront, 60% on completion" } },
    });
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)[0]).toMatchObject({ path: "body.compensation.paymentSchedule", type: "value_error.payment_schedule" });
    expect(await getDb().proposal.count({ where: { counterOfId: draft.id } })).toBe(countersBefore);
    expect((await getDb().proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("sent");
  });
});

describe("accepting makes the plan's payments", () => {
  it("creates each item's payment with its trigger, share, due date and deliverables", async () => {
    const partnership = await activePartnership("25% on signing; 25% on approval of deliverable 1; 50% on completion", 1000.01);
    expect(partnership.compensation.paymentPlan!.map((i) => [i.position, i.type, i.trigger, i.percent, i.amount, i.deliverables])).toEqual([
      [1, "initial", "on_signing", 25, 250, []],
      [2, "milestone", "on_approval", 25, 250, [1]],
      [3, "final", "on_completion", 50, 500.01, [1, 2]],
    ]);
    const [d1, d2] = partnership.deliverables;
    const rows = await payments(partnership.id);
    expect(rows.map((p) => [p.type, p.trigger, p.percent, p.amount, p.dueDate, p.deliverableIds, p.refundedAmount])).toEqual([
      ["initial", "on_signing", 25, 250, "2027-01-15T00:00:00.000Z", [], 0],
      ["milestone", "on_approval", 25, 250, "2027-02-01T00:00:00.000Z", [d1!.id], 0],
      ["final", "on_completion", 50, 500.01, "2027-03-01T00:00:00.000Z", [d1!.id, d2!.id], 0],
    ]);
    const stored = await getDb().partnership.findUniqueOrThrow({ where: { id: partnership.id } });
    expect(stored.paymentPlan).toEqual((await getDb().proposal.findUniqueOrThrow({ where: { id: partnership.proposalId } })).paymentPlan);
    const shown = partnershipResponse.parse(
      (await call(getPartnership, "/x", { token: tokens.creator, params: { partnershipId: partnership.id } })).body,
    );
    expect(shown.compensation.paymentPlan).toEqual(partnership.compensation.paymentPlan);
    expect(
      (await getDb().partnershipPayment.findMany({ where: { partnershipId: partnership.id }, orderBy: { position: "asc" } })).map(
        (p) => p.position,
      ),
    ).toEqual([1, 2, 3]);
  });

  it("blocks the release of an on-approval payment until its deliverable is approved", async () => {
    const partnership = await activePartnership("40% on approval of deliverable 2, 60% on completion");
    const [milestone] = await payments(partnership.id);
    expect(milestone).toMatchObject({
      type: "milestone",
      trigger: "on_approval",
      amount: 40,
      deliverableIds: [partnership.deliverables[1]!.id],
    });
    // A planned milestone is paid by its id, not created anew.
    await fund(partnership.id, milestone!);
    const blocked = await post(release, partnership.id, milestone!.id);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ error: { code: "invalid_state", details: { pendingDeliverables: 1, totalDeliverables: 1 } } });
    // Approving the other deliverable does not unblock it.
    const db = getDb();
    await db.deliverable.update({ where: { id: partnership.deliverables[0]!.id }, data: { status: "approved", approvedAt: new Date() } });
    expect((await post(release, partnership.id, milestone!.id)).status).toBe(409);
    await db.deliverable.update({ where: { id: partnership.deliverables[1]!.id }, data: { status: "approved", approvedAt: new Date() } });
    const released = await post(release, partnership.id, milestone!.id);
    expect(released.status, JSON.stringify(released.body)).toBe(200);
    expect(paymentResponse.parse(released.body).status).toBe("completed");
  });
});

describe("the demo data", () => {
  it("stores each demo proposal's and partnership's plan, and its payments' triggers", async () => {
    const db = getDb();
    expect(await db.proposal.count({ where: { paymentPlan: { equals: Prisma.AnyNull } } })).toBe(0);
    const seeded = await db.partnership.findFirstOrThrow({
      where: { brandId: ids.brand, paymentSchedule: "50% upfront, 50% on completion" },
      orderBy: { createdAt: "asc" },
      include: { payments: { orderBy: { position: "asc" } } },
    });
    const shown = partnershipResponse.parse(
      (await call(getPartnership, "/x", { token: tokens.brand, params: { partnershipId: seeded.id } })).body,
    );
    expect(shown.compensation.paymentPlan!.map((i) => [i.type, i.trigger, i.percent])).toEqual([
      ["initial", "on_signing", 50],
      ["final", "on_completion", 50],
    ]);
    expect(seeded.payments.slice(0, 2).map((p) => [p.trigger, p.position])).toEqual([
      ["on_signing", 1],
      ["on_completion", 2],
    ]);
  });
});

describe("milestones", () => {
  it("must name deliverables of the partnership that are not rejected", async () => {
    const partnership = await activePartnership("30% upfront, 70% on completion");
    const other = await activePartnership(undefined);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: "milestone", amount: 1 }, "body.deliverableIds"],
      [{ type: "milestone", amount: 1, deliverableIds: [] }, "body.deliverableIds"],
      [{ type: "milestone", amount: 1, deliverableIds: ["nope"] }, "body.deliverableIds.0"],
      [{ type: "milestone", amount: 1, deliverableIds: [other.deliverables[0]!.id] }, "body.deliverableIds.0"],
      [{ type: "final", amount: 70, deliverableIds: [partnership.deliverables[0]!.id] }, "body.deliverableIds"],
    ];
    for (const [body, path] of cases) {
      const res = await initiateBody(partnership.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(fieldsOf(res.body).map((f) => f.path)).toContain(path);
    }
    await getDb().deliverable.update({ where: { id: partnership.deliverables[1]!.id }, data: { status: "rejected" } });
    const rejected = await initiateBody(partnership.id, {
      type: "milestone",
      amount: 1,
      deliverableIds: [partnership.deliverables[1]!.id],
    });
    expect(rejected.status).toBe(400);
    expect(fieldsOf(rejected.body)).toEqual([expect.objectContaining({ path: "body.deliverableIds.0", message: "was rejected" })]);
  });

  it("fit in what is left of the compensation, which cancelling an unfunded payment frees", async () => {
    const partnership = await activePartnership("30% upfront, 70% on completion");
    const [d1, d2] = partnership.deliverables;
    const [initial, final] = await payments(partnership.id);
    const milestone = (amount: number, deliverableIds = [d1!.id]) =>
      initiateBody(partnership.id, { type: "milestone", amount, deliverableIds });

    // The plan takes the whole compensation: no room for even one cent.
    const none = await milestone(0.01);
    expect(none.status).toBe(400);
    expect(fieldsOf(none.body)).toEqual([
      expect.objectContaining({ path: "body.amount", type: "value_error.amount_exceeds_compensation" }),
    ]);
    expect((none.body as { error: { message: string } }).error.message).toContain("cancel an unfunded payment");

    const cancelled = await post(cancel, partnership.id, final!.id, tokens.brand, { reason: "Paying per deliverable instead" });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(paymentResponse.parse(cancelled.body)).toMatchObject({ id: final!.id, status: "cancelled", deliverableIds: [d1!.id, d2!.id] });
    expect((await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: final!.id } })).cancelledAt).not.toBeNull();

    // USD 70 is free again: one over is refused with what is left, then it fills up exactly.
    const over = await milestone(70.01);
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ error: { details: { remainingAmount: 70 } } });
    expect((over.body as { error: { message: string } }).error.message).toContain("USD 70.00 of USD 100.00");
    const first = await milestone(40, [d1!.id, d1!.id]);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const created = initiatePaymentResponse.parse(first.body).payment;
    expect(created).toMatchObject({ type: "milestone", trigger: "on_approval", percent: null, amount: 40, deliverableIds: [d1!.id] });
    expect(created.dueDate).toBe(d1!.dueDate);
    const second = await milestone(30, [d2!.id, d1!.id]);
    expect(second.status).toBe(201);
    expect(initiatePaymentResponse.parse(second.body).payment.deliverableIds).toEqual([d1!.id, d2!.id]);
    const cent = await milestone(0.01);
    expect(cent.status).toBe(400);
    expect(fieldsOf(cent.body)[0]!.type).toBe("value_error.amount_exceeds_compensation");

    // The cancelled final payment cannot be paid any more; the initial one keeps its exact amount.
    const finalAgain = await initiateBody(partnership.id, { type: "final", amount: 70 });
    expect(finalAgain.status).toBe(409);
    expect(finalAgain.body).toMatchObject({ error: { code: "invalid_state", message: "The final payment was cancelled" } });
    const wrong = await initiateBody(partnership.id, { type: "initial", amount: 31 });
    expect(wrong.status).toBe(400);
    expect(fieldsOf(wrong.body)[0]!.path).toBe("body.amount");
    const sum = (await payments(partnership.id)).filter((p) => p.status !== "cancelled").reduce((total, p) => total + p.amount, 0);
    expect(sum).toBe(100);
    expect(initial!.amount).toBe(30);
  });
});

describe("cancelling a payment", () => {
  it("cancels pending (initiated or not) and failed payments, once, for the brand only", async () => {
    const partnership = await activePartnership("25% on signing; 25% on approval of deliverable 1; 50% on completion");
    const [initial, milestone, final] = await payments(partnership.id);

    const creator = await post(cancel, partnership.id, initial!.id, tokens.creator);
    expect(creator.status).toBe(403);

    // A charge started but not funded.
    expect((await initiateBody(partnership.id, { type: "initial", amount: initial!.amount })).status).toBe(201);
    const started = await post(cancel, partnership.id, initial!.id);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(paymentResponse.parse(started.body).status).toBe("cancelled");
    const again = await post(cancel, partnership.id, initial!.id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "invalid_state", message: "The payment is already cancelled" } });

    await getDb().partnershipPayment.update({ where: { id: milestone!.id }, data: { status: "failed", failureReason: "Card declined" } });
    expect((await post(cancel, partnership.id, milestone!.id)).status).toBe(200);

    // Held in escrow: it is released or refunded, not cancelled.
    await fund(partnership.id, final!);
    const funded = await post(cancel, partnership.id, final!.id);
    expect(funded.status).toBe(409);
    expect(funded.body).toMatchObject({ error: { code: "invalid_state", details: { from: "in_progress" } } });

    const log = await getDb().activityLog.findMany({
      where: { partnershipId: partnership.id, type: "payment_cancelled" },
      orderBy: { seq: "asc" },
    });
    expect(log.map((l) => (l.metadata as { paymentId: string }).paymentId)).toEqual([initial!.id, milestone!.id]);
    expect(log[0]!.description).toBe("The brand cancelled the initial payment of USD 25.00");
  });

  it("completes the partnership when the last open payment is cancelled", async () => {
    const partnership = await activePartnership("50% upfront, 50% on completion");
    const [initial, final] = await payments(partnership.id);
    await fund(partnership.id, initial!);
    expect((await post(release, partnership.id, initial!.id)).status).toBe(200);
    const db = getDb();
    await db.deliverable.updateMany({ where: { partnershipId: partnership.id }, data: { status: "approved", approvedAt: new Date() } });
    expect((await db.partnership.findUniqueOrThrow({ where: { id: partnership.id } })).status).toBe("active");

    const res = await post(cancel, partnership.id, final!.id, tokens.brand, {});
    expect(res.status).toBe(200);
    const done = await db.partnership.findUniqueOrThrow({ where: { id: partnership.id } });
    expect(done.status).toBe("completed");
    expect(done.completedAt).not.toBeNull();
    const log = await db.activityLog.findMany({
      where: { partnershipId: partnership.id },
      orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    });
    expect(log.slice(-2).map((l) => l.type)).toEqual(["payment_cancelled", "partnership_completed"]);
  });

  it("answers 404 for a payment of another partnership", async () => {
    const one = await activePartnership(undefined);
    const two = await activePartnership(undefined);
    const [payment] = await payments(two.id);
    expect((await post(cancel, one.id, payment!.id)).status).toBe(404);
  });
});
