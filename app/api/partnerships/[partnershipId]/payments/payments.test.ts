/** Escrow payments with the sandbox provider (no STRIPE_SECRET_KEY): the whole workflow. */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { initiatePaymentResponse, listPaymentsResponse, paymentResponse } from "@/lib/partnerships/schemas/payments";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as cancel } from "./[paymentId]/cancel/route";
import { POST as confirm } from "./[paymentId]/confirm/route";
import { POST as release } from "./[paymentId]/release/route";
import { GET as getOne } from "./[paymentId]/route";
import { GET as list, POST as initiate } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";
delete process.env.STRIPE_SECRET_KEY;

const errorBody = (code: string) => ({ error: { code, message: expect.any(String), details: expect.any(Object) } });
const base = (partnershipId: string) => `/api/partnerships/${partnershipId}/payments`;
const NO_ID = "00000000-0000-4000-8000-000000000000";

let tokens: Record<"brand" | "brand2" | "creator" | "creator2" | "partner", string>;
/** brand2 ↔ creator, contract active, both scheduled payments pending. */
let active: { id: string; initialId: string; finalId: string; initialAmount: number; finalAmount: number; creatorId: string };
/** brand ↔ creator2, contract active, initial payment held in escrow. */
let escrow: { id: string; initialId: string };
/** Contract not yet signed by both parties. */
let unsigned: { id: string; brand: "brand" | "brand2"; initialAmount: number };

beforeAll(async () => {
  const [brand, brand2, creator, creator2, partner] = await Promise.all(
    ["brand", "brand2", "creator", "creator2", "partner"].map((name) => tokenFor(`${name}@demo.test`)),
  );
  tokens = { brand, brand2, creator, creator2, partner };
  const db = getDb();
  const brandIds = Object.fromEntries(
    (await db.user.findMany({ where: { email: { in: ["brand@demo.test", "brand2@demo.test"] } } })).map((u) => [
      u.email.split("@")[0]!,
      u.id,
    ]),
  );
  const a = await db.partnership.findFirstOrThrow({
    where: { status: "active", contract: { status: "active" }, payments: { every: { status: "pending" } } },
    include: { payments: true },
  });
  const pay = (type: string) => a.payments.find((p) => p.type === type)!;
  expect(a.brandId).toBe(brandIds.brand2);
  active = {
    id: a.id,
    initialId: pay("initial").id,
    finalId: pay("final").id,
    initialAmount: Number(pay("initial").amountMinor) / 100,
    finalAmount: Number(pay("final").amountMinor) / 100,
    creatorId: a.creatorId,
  };
  const e = await db.partnership.findFirstOrThrow({
    where: { status: "active", contract: { status: "active" }, payments: { some: { type: "initial", status: "in_progress" } } },
    include: { payments: true },
  });
  expect(e.brandId).toBe(brandIds.brand);
  escrow = { id: e.id, initialId: e.payments.find((p) => p.type === "initial")!.id };
  const u = await db.partnership.findFirstOrThrow({
    where: { status: "active", contract: { status: { in: ["sent", "signed_creator", "signed_brand"] } } },
    include: { payments: true },
  });
  unsigned = {
    id: u.id,
    brand: u.brandId === brandIds.brand ? "brand" : "brand2",
    initialAmount: Number(u.payments.find((p) => p.type === "initial")!.amountMinor) / 100,
  };
});

describe("access", () => {
  const routes = () => {
    const params = { partnershipId: active.id, paymentId: active.initialId };
    const one = `${base(active.id)}/${active.initialId}`;
    const body = { type: "initial", amount: active.initialAmount, currency: "USD" };
    return [
      (token?: string) => call(list, base(active.id), { token, params }),
      (token?: string) => call(getOne, one, { token, params }),
      (token?: string) => call(initiate, base(active.id), { token, params, body }),
      (token?: string) => call(confirm, `${one}/confirm`, { token, params, method: "POST" }),
      (token?: string) => call(release, `${one}/release`, { token, params, method: "POST" }),
    ];
  };

  it("answers 401 without a token", async () => {
    for (const route of routes()) {
      const res = await route();
      expect(res.status).toBe(401);
      expect(res.body).toEqual(errorBody("authentication_required"));
    }
  });

  it("answers 403 to the partner role", async () => {
    for (const route of routes()) {
      const res = await route(tokens.partner);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorBody("insufficient_permissions"));
    }
  });

  it("answers 404 to a brand or creator who is not a party", async () => {
    for (const token of [tokens.brand, tokens.creator2]) {
      for (const route of routes()) {
        const res = await route(token);
        expect(res.status).toBe(404);
        expect(res.body).toEqual(errorBody("resource_not_found"));
      }
    }
  });

  it("answers 403 when the creator initiates, confirms or releases", async () => {
    const [, , init, conf, rel] = routes();
    for (const route of [init!, conf!, rel!]) {
      const res = await route(tokens.creator);
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorBody("insufficient_permissions"));
    }
  });

  it("answers 404 for a payment of another partnership, an unknown id or a non-UUID", async () => {
    for (const paymentId of [escrow.initialId, "00000000-0000-4000-8000-000000000000", "nope"]) {
      const res = await call(getOne, `${base(active.id)}/${paymentId}`, {
        token: tokens.brand2,
        params: { partnershipId: active.id, paymentId },
      });
      expect(res.status).toBe(404);
      expect(res.body).toEqual(errorBody("resource_not_found"));
    }
  });
});

describe("listing and reading", () => {
  it("shows both parties the payment schedule", async () => {
    for (const token of [tokens.brand2, tokens.creator]) {
      const res = await call(list, base(active.id), { token, params: { partnershipId: active.id } });
      expect(res.status).toBe(200);
      const { payments } = listPaymentsResponse.parse(res.body);
      expect(payments.map((p) => [p.type, p.status, p.amount, p.currency, p.transactionId])).toEqual([
        ["initial", "pending", active.initialAmount, "USD", null],
        ["final", "pending", active.finalAmount, "USD", null],
      ]);
    }
    const one = await call(getOne, `${base(escrow.id)}/${escrow.initialId}`, {
      token: tokens.creator2,
      params: { partnershipId: escrow.id, paymentId: escrow.initialId },
    });
    expect(one.status).toBe(200);
    const payment = paymentResponse.parse(one.body);
    expect(payment).toMatchObject({ id: escrow.initialId, partnershipId: escrow.id, status: "in_progress", paidAt: null });
    expect(payment.transactionId).toMatch(/^pi_/);
  });
});

describe("initiating", () => {
  it("validates the body", async () => {
    const params = { partnershipId: active.id };
    const cases: Array<[unknown, string]> = [
      [{ type: "upfront", amount: 1, currency: "USD" }, "body.type"],
      [{ type: "milestone", amount: 0, currency: "USD", deliverableIds: [NO_ID] }, "body.amount"],
      [{ type: "milestone", amount: 1.005, currency: "USD", deliverableIds: [NO_ID] }, "body.amount"],
      [{ type: "milestone", amount: 10, currency: "US", deliverableIds: [NO_ID] }, "body.currency"],
      [{ type: "milestone", amount: 10, currency: "KES", deliverableIds: [NO_ID] }, "body.currency"],
      [{ type: "milestone", amount: 10, currency: "USD" }, "body.deliverableIds"],
      [{ type: "initial", amount: active.initialAmount + 1, currency: "USD" }, "body.amount"],
    ];
    for (const [body, path] of cases) {
      const res = await call(initiate, base(active.id), { token: tokens.brand2, params, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body).toEqual(errorBody("invalid_request"));
      expect((res.body as { error: { details: { fields: Array<{ path: string }> } } }).error.details.fields.map((f) => f.path)).toContain(
        path,
      );
    }
  });

  it("answers 409 before the contract is active", async () => {
    const res = await call(initiate, base(unsigned.id), {
      token: tokens[unsigned.brand],
      params: { partnershipId: unsigned.id },
      body: { type: "initial", amount: unsigned.initialAmount, currency: "USD" },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual(errorBody("invalid_state"));
    expect(await getDb().partnershipPayment.count({ where: { partnershipId: unsigned.id, providerPaymentIntent: { not: null } } })).toBe(0);
  });

  it("creates a new pending payment for a milestone, in the room a cancelled payment left", async () => {
    // The plan takes the whole compensation; cancelling the unfunded final payment frees its share.
    const db = getDb();
    const final = await db.partnershipPayment.findFirstOrThrow({ where: { partnershipId: escrow.id, type: "final", status: "pending" } });
    const cancelled = await call(cancel, `${base(escrow.id)}/${final.id}/cancel`, {
      token: tokens.brand,
      params: { partnershipId: escrow.id, paymentId: final.id },
      method: "POST",
    });
    expect(cancelled.status).toBe(200);
    const deliverable = await db.deliverable.findFirstOrThrow({ where: { partnershipId: escrow.id }, orderBy: { position: "asc" } });
    const res = await call(initiate, base(escrow.id), {
      token: tokens.brand,
      params: { partnershipId: escrow.id },
      body: {
        type: "milestone",
        amount: 250.5,
        currency: "usd",
        description: "Bonus for the extra story",
        deliverableIds: [deliverable.id],
      },
    });
    expect(res.status).toBe(201);
    const { payment, paymentIntent } = initiatePaymentResponse.parse(res.body);
    expect(payment).toMatchObject({
      type: "milestone",
      amount: 250.5,
      currency: "USD",
      status: "pending",
      description: "Bonus for the extra story",
      trigger: "on_approval",
      deliverableIds: [deliverable.id],
    });
    expect(paymentIntent.sandbox).toBe(true);
    expect(paymentIntent.clientSecret.startsWith(`${payment.transactionId}_secret_`)).toBe(true);
    const row = await getDb().partnershipPayment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(row.amountMinor).toBe(25050n);
    expect(row.initiatedAt).not.toBeNull();
  });
});

describe("the sandbox workflow", () => {
  const params = (paymentId: string) => ({ partnershipId: active.id, paymentId });
  const post = (handler: typeof confirm, paymentId: string, action: string) =>
    call(handler, `${base(active.id)}/${paymentId}/${action}`, { token: tokens.brand2, params: params(paymentId), method: "POST" });

  it("initiates, funds and releases the initial payment, then the final one once its deliverables are approved", async () => {
    const db = getDb();
    // Initiate the scheduled initial payment.
    const init = await call(initiate, base(active.id), {
      token: tokens.brand2,
      params: { partnershipId: active.id },
      body: { type: "initial", amount: active.initialAmount, currency: "USD" },
    });
    expect(init.status).toBe(201);
    const started = initiatePaymentResponse.parse(init.body);
    expect(started.payment).toMatchObject({ id: active.initialId, status: "pending" });
    expect(started.payment.transactionId).toMatch(/^pi_sandbox_/);
    expect(started.paymentIntent.sandbox).toBe(true);
    expect(started.paymentIntent.clientSecret).toMatch(new RegExp(`^${started.payment.transactionId}_secret_`));

    const again = await call(initiate, base(active.id), {
      token: tokens.brand2,
      params: { partnershipId: active.id },
      body: { type: "initial", amount: active.initialAmount, currency: "USD" },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "invalid_state", message: "Payment already initiated" } });

    // Not funded yet: nothing to release.
    const early = await post(release, active.initialId, "release");
    expect(early.status).toBe(409);
    expect(early.body).toEqual(errorBody("invalid_state"));

    // Confirm (the sandbox's stand-in for Stripe's webhook); twice changes nothing more.
    const funded = await post(confirm, active.initialId, "confirm");
    expect(funded.status).toBe(200);
    expect(paymentResponse.parse(funded.body).status).toBe("in_progress");
    const fundedAt = (await db.partnershipPayment.findUniqueOrThrow({ where: { id: active.initialId } })).fundedAt;
    expect(fundedAt).not.toBeNull();
    const twice = await post(confirm, active.initialId, "confirm");
    expect(twice.status).toBe(200);
    expect(paymentResponse.parse(twice.body).status).toBe("in_progress");
    expect((await db.partnershipPayment.findUniqueOrThrow({ where: { id: active.initialId } })).fundedAt).toEqual(fundedAt);

    // Release: the initial payment covers no deliverables.
    const released = await post(release, active.initialId, "release");
    expect(released.status).toBe(200);
    const initial = paymentResponse.parse(released.body);
    expect(initial.status).toBe("completed");
    expect(initial.paidAt).not.toBeNull();
    // The payout to the creator is created pending; the payout job transfers it (lib/payouts).
    expect(await db.payout.findUniqueOrThrow({ where: { paymentId: active.initialId } })).toMatchObject({
      status: "pending",
      method: "stripe",
    });
    const replay = await post(release, active.initialId, "release");
    expect(replay.status).toBe(409);

    // The final payment: funded, but its deliverables are not approved.
    expect(
      (
        await call(initiate, base(active.id), {
          token: tokens.brand2,
          params: { partnershipId: active.id },
          body: { type: "final", amount: active.finalAmount, currency: "USD" },
        })
      ).status,
    ).toBe(201);
    expect((await post(confirm, active.finalId, "confirm")).status).toBe(200);
    const deliverables = await db.deliverable.findMany({ where: { partnershipId: active.id } });
    const blocked = await post(release, active.finalId, "release");
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ error: { code: "invalid_state", details: { pendingDeliverables: deliverables.length } } });
    expect((blocked.body as { error: { message: string } }).error.message).toContain(`${deliverables.length} of ${deliverables.length}`);

    // Approve them directly (the deliverable routes are tested elsewhere).
    await db.deliverable.updateMany({ where: { partnershipId: active.id }, data: { status: "approved", approvedAt: new Date() } });

    // No payout method: the release still goes through; the money waits in creator payable, with
    // no payout until the creator chooses how to be paid.
    const profile = await db.creatorProfile.findUniqueOrThrow({ where: { userId: active.creatorId } });
    await db.creatorProfile.update({ where: { userId: active.creatorId }, data: { stripeAccountId: null, payoutMethod: null } });
    const finalRelease = await post(release, active.finalId, "release");
    expect(finalRelease.status).toBe(200);
    expect(paymentResponse.parse(finalRelease.body).status).toBe("completed");
    expect(await db.payout.findUnique({ where: { paymentId: active.finalId } })).toBeNull();
    await db.creatorProfile.update({
      where: { userId: active.creatorId },
      data: { stripeAccountId: profile.stripeAccountId, payoutMethod: profile.payoutMethod },
    });

    // Every deliverable approved and every payment released: the partnership is done.
    const partnership = await db.partnership.findUniqueOrThrow({ where: { id: active.id } });
    expect(partnership.status).toBe("completed");
    expect(partnership.completedAt).not.toBeNull();
    const log = await db.activityLog.findMany({
      where: { partnershipId: active.id, createdAt: { gte: new Date(Date.now() - 5 * 60_000) } },
      // Entries of one transaction share their time; seq keeps the order they were written in.
      orderBy: [{ createdAt: "asc" }, { seq: "asc" }],
    });
    const brand2Id = (await db.user.findUniqueOrThrow({ where: { email: "brand2@demo.test" } })).id;
    expect(log.map((entry) => entry.type)).toEqual([
      "payment_initiated",
      "payment_funded",
      "payment_released",
      "payment_initiated",
      "payment_funded",
      "payment_released",
      "partnership_completed",
    ]);
    expect(log.every((entry) => entry.userId === brand2Id)).toBe(true);
  });
});

describe("concurrent releases", () => {
  it("releases a payment exactly once when 20 requests race", async () => {
    const params = { partnershipId: escrow.id, paymentId: escrow.initialId };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(release, `${base(escrow.id)}/${escrow.initialId}/release`, { token: tokens.brand, params, method: "POST" }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const res of results.filter((r) => r.status === 409)) expect(res.body).toEqual(errorBody("invalid_state"));
    const db = getDb();
    const row = await db.partnershipPayment.findUniqueOrThrow({ where: { id: escrow.initialId } });
    expect(row.status).toBe("completed");
    expect(await db.payout.count({ where: { paymentId: escrow.initialId } })).toBe(1);
    const released = await db.activityLog.findMany({ where: { partnershipId: escrow.id, type: "payment_released" } });
    expect(released).toHaveLength(1);
    expect(released[0]!.metadata).toEqual({ paymentId: escrow.initialId, transfer: row.providerTransfer });
  });
});
