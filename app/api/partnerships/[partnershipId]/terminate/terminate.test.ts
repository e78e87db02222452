/** Ending a partnership at each stage of its life, through the route handlers (sandbox payments). */
process.env.RATE_LIMIT_PER_MINUTE = "100000";
delete process.env.STRIPE_SECRET_KEY;

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { markPaymentFunded } from "@/lib/partnerships/mark-payment-funded";
import { call, tokenFor } from "@/tests/helpers/http";
import {
  activePartnership,
  demoParties,
  fund,
  initiate,
  movementsOf,
  partnershipBeforeSigning,
  paymentOfType,
  submit,
  submitAndApprove,
  type Parties,
  type StagedPartnership,
} from "@/tests/helpers/termination";
import { POST as release } from "../payments/[paymentId]/release/route";
import { POST as openDispute } from "../disputes/route";
import { GET as getPartnership } from "../route";
import { POST as terminate } from "./route";

let parties: Parties;
let strangers: { brand: string; partner: string };

beforeAll(async () => {
  parties = await demoParties();
  strangers = { brand: await tokenFor("brand2@demo.test"), partner: await tokenFor("partner@demo.test") };
});

const end = (p: StagedPartnership, token: string, reason: unknown = "The campaign was cancelled") =>
  call(terminate, `/api/partnerships/${p.partnershipId}/terminate`, {
    token,
    params: { partnershipId: p.partnershipId },
    body: { reason },
  });

async function state(partnershipId: string) {
  const db = getDb();
  return {
    partnership: await db.partnership.findUniqueOrThrow({ where: { id: partnershipId } }),
    contract: await db.contract.findUnique({ where: { partnershipId } }),
    payments: await db.partnershipPayment.findMany({ where: { partnershipId } }),
    deliverables: await db.deliverable.findMany({ where: { partnershipId } }),
    activity: await db.activityLog.findMany({ where: { partnershipId }, orderBy: [{ createdAt: "asc" }, { seq: "asc" }] }),
  };
}

const statusOf = (payments: Array<{ type: string; status: string }>, type: string) => payments.find((p) => p.type === type)!.status;

describe("POST /partnerships/{id}/terminate", () => {
  it("ends a partnership before its contract exists: payments cancelled, deliverables rejected", async () => {
    const p = await partnershipBeforeSigning(parties, "accepted");
    const res = await end(p, parties.creator);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "terminated", terminationReason: "The campaign was cancelled", contractId: null });
    expect(res.body.terminatedAt).toEqual(expect.any(String));
    const s = await state(p.partnershipId);
    expect(s.partnership.terminatedById).toBe(parties.creatorId);
    expect(s.payments.map((x) => x.status)).toEqual(["cancelled", "cancelled"]);
    expect(s.payments.every((x) => x.cancelledAt !== null)).toBe(true);
    expect(s.deliverables.map((d) => [d.status, d.feedback])).toEqual([["rejected", "Partnership terminated: The campaign was cancelled"]]);
    expect(s.activity.filter((a) => a.type === "payment_cancelled")).toHaveLength(2);
    const last = s.activity.at(-1)!;
    expect(last.type).toBe("partnership_terminated");
    expect(last.description).toContain("The campaign was cancelled");
  });

  it("terminates a contract that was sent but not signed", async () => {
    const p = await partnershipBeforeSigning(parties, "contract_sent");
    expect((await end(p, parties.brand)).status).toBe(200);
    const s = await state(p.partnershipId);
    expect(s.contract?.status).toBe("terminated");
    expect(s.contract?.terminatedAt).not.toBeNull();
  });

  it("ends an active partnership with nothing funded, cancelling a payment the brand had started", async () => {
    const p = await activePartnership(parties);
    await initiate(parties, p, "initial");
    expect((await end(p, parties.brand)).status).toBe(200);
    const s = await state(p.partnershipId);
    expect(s.contract?.status).toBe("terminated");
    expect(s.payments.map((x) => x.status).sort()).toEqual(["cancelled", "cancelled"]);
    expect(await getDb().ledgerEntry.count({ where: { partnershipId: p.partnershipId } })).toBe(0);
  });

  it("refunds funded money for work not approved, and releases a payment that covers nothing left open", async () => {
    const p = await activePartnership(parties);
    const initial = await fund(parties, p, "initial");
    const final = await fund(parties, p, "final");
    await submit(parties, p);
    const res = await end(p, parties.creator, "Brand stopped responding");
    expect(res.status).toBe(200);
    const s = await state(p.partnershipId);
    // The upfront payment covers no deliverable, so nothing keeps it from the creator.
    expect(statusOf(s.payments, "initial")).toBe("completed");
    const refunded = s.payments.find((x) => x.id === final.id)!;
    expect(refunded).toMatchObject({ status: "refunded", refundedMinor: refunded.amountMinor });
    expect(refunded.providerRefund).toMatch(/^sandbox_re_/);
    expect(refunded.refundedAt).not.toBeNull();
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 5000n });
    expect(await movementsOf(initial.id)).toEqual({ charge: 5000n, release: 5000n });
    expect(s.deliverables[0]!.status).toBe("rejected");
    expect(s.activity.map((a) => a.type)).toEqual(
      expect.arrayContaining(["payment_released", "payment_refunded", "partnership_terminated"]),
    );
  });

  it("releases a funded payment whose work is approved, and cancels the unfunded one", async () => {
    const p = await activePartnership(parties);
    const final = await fund(parties, p, "final");
    await submitAndApprove(parties, p);
    expect((await end(p, parties.brand)).status).toBe(200);
    const s = await state(p.partnershipId);
    expect(statusOf(s.payments, "final")).toBe("completed");
    expect(statusOf(s.payments, "initial")).toBe("cancelled");
    expect(s.deliverables[0]!.status).toBe("approved");
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, release: 5000n });
  });

  it("refuses a completed partnership (409)", async () => {
    const p = await activePartnership(parties);
    await fund(parties, p, "initial");
    await fund(parties, p, "final");
    await submitAndApprove(parties, p);
    for (const type of ["initial", "final"]) {
      const paymentId = paymentOfType(p, type).id;
      const released = await call(release, "/x", {
        token: parties.brand,
        params: { partnershipId: p.partnershipId, paymentId },
        method: "POST",
      });
      expect(released.status).toBe(200);
    }
    expect((await state(p.partnershipId)).partnership.status).toBe("completed");
    const res = await end(p, parties.brand);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("invalid_state");
  });

  it("answers a second termination with the partnership unchanged", async () => {
    const p = await activePartnership(parties);
    await fund(parties, p, "final");
    expect((await end(p, parties.brand, "First reason")).status).toBe(200);
    const before = await state(p.partnershipId);
    const again = await end(p, parties.creator, "Second reason");
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: "terminated", terminationReason: "First reason" });
    const after = await state(p.partnershipId);
    expect(after.activity).toHaveLength(before.activity.length);
    expect(after.partnership.terminatedById).toBe(parties.brandId);
    expect(after.payments).toEqual(before.payments);
  });

  it("applies once when both parties end it at the same moment", async () => {
    const p = await activePartnership(parties);
    const final = await fund(parties, p, "final");
    const results = await Promise.all([end(p, parties.brand, "Brand ends it"), end(p, parties.creator, "Creator ends it")]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const s = await state(p.partnershipId);
    expect(s.activity.filter((a) => a.type === "partnership_terminated")).toHaveLength(1);
    expect(s.activity.filter((a) => a.type === "payment_refunded")).toHaveLength(1);
    expect(results[0]!.body.terminationReason).toBe(results[1]!.body.terminationReason);
    expect(await movementsOf(final.id)).toEqual({ charge: 5000n, refund: 5000n });
  });

  it("refuses while a dispute is open (409): the dispute is resolved first", async () => {
    const p = await activePartnership(parties);
    await fund(parties, p, "final");
    const opened = await call(openDispute, "/x", {
      token: parties.creator,
      params: { partnershipId: p.partnershipId },
      body: { deliverableId: p.deliverableId, reason: "Work delivered" },
    });
    expect(opened.status).toBe(201);
    const res = await end(p, parties.brand);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/resolve the dispute first/);
    expect((await state(p.partnershipId)).partnership.status).toBe("active");
  });

  it("refunds a charge that lands after its payment was cancelled", async () => {
    const p = await activePartnership(parties);
    const started = await initiate(parties, p, "initial");
    expect((await end(p, parties.brand)).status).toBe(200);
    expect((await state(p.partnershipId)).payments.find((x) => x.id === started.id)!.status).toBe("cancelled");
    const landed = await getDb().$transaction((tx) =>
      markPaymentFunded(tx, { providerPaymentIntent: started.transactionId, eventId: "evt_late" }),
    );
    expect(landed).toMatchObject({ status: "refunded", refundedMinor: 5000n });
    expect(await movementsOf(started.id)).toEqual({ charge: 5000n, refund: 5000n });
    // The same event again changes nothing.
    await getDb().$transaction((tx) => markPaymentFunded(tx, { providerPaymentIntent: started.transactionId, eventId: "evt_late" }));
    const s = await state(p.partnershipId);
    expect(s.activity.filter((a) => a.type === "payment_refunded")).toHaveLength(1);
    expect(await movementsOf(started.id)).toEqual({ charge: 5000n, refund: 5000n });
  });

  it("requires a reason of at most 2000 characters (400)", async () => {
    const p = await partnershipBeforeSigning(parties, "accepted");
    for (const body of [{}, { reason: "" }, { reason: "   " }, { reason: "x".repeat(2001) }, { reason: 42 }]) {
      const res = await call(terminate, "/x", { token: parties.brand, params: { partnershipId: p.partnershipId }, body });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
      expect(res.body.error.details.fields[0].path).toMatch(/reason/);
    }
    expect((await state(p.partnershipId)).partnership.status).toBe("active");
  });

  it("answers 404 to a stranger and 403 to a partner", async () => {
    const p = await partnershipBeforeSigning(parties, "accepted");
    expect((await end(p, strangers.brand)).status).toBe(404);
    expect((await end(p, strangers.partner)).status).toBe(403);
    const read = await call(getPartnership, "/x", { token: parties.brand, params: { partnershipId: p.partnershipId } });
    expect(read.body).toMatchObject({ status: "active", terminatedAt: null, terminationReason: null, disputes: [] });
  });
});
