import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { deliverableItem, deliverableList } from "@/lib/partnerships/schemas/deliverables";
import { seedId } from "@/prisma/seed/ids";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as approve } from "./[deliverableId]/approve/route";
import { POST as revision } from "./[deliverableId]/revision/route";
import { GET as getOne } from "./[deliverableId]/route";
import { POST as submit } from "./[deliverableId]/submit/route";
import { GET as list } from "./route";

// Many requests share one token here; the per-minute limit is not what these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";

/** Seeded partnerships (prisma/seed/creators.ts), by stage. */
const P = {
  active: seedId("partnership:glow-amani-counter"), // creator + brand2, contract active, deliverables pending
  inEscrow: seedId("partnership:zero-sugar-njeri"), // creator2 + brand: 0, 1 submitted, 2 in progress
  completed: seedId("partnership:back-to-school-amani"), // creator + brand
  terminated: seedId("partnership:hair-week-njeri"), // creator2 + brand2
};
const deliverableId = (partnership: keyof typeof P | "other", i: number) =>
  seedId(
    `partnership:${{ active: "glow-amani-counter", inEscrow: "zero-sugar-njeri", completed: "back-to-school-amani", terminated: "hair-week-njeri", other: "zero-sugar-amani" }[partnership]}:deliverable:${i}`,
  );
const base = (id: string) => `/api/partnerships/${id}/deliverables`;
const SUBMISSION = "https://www.instagram.com/reel/Cx1234567ab/";

let brand: string, brand2: string, creator: string, creator2: string, partner: string;

beforeAll(async () => {
  [brand, brand2, creator, creator2, partner] = await Promise.all(
    ["brand@demo.test", "brand2@demo.test", "creator@demo.test", "creator2@demo.test", "partner@demo.test"].map(tokenFor),
  );
});

type Action = "submit" | "approve" | "revision";
const handlers = { submit, approve, revision };
const validBody: Record<Action, object> = {
  submit: { submissionUrl: SUBMISSION },
  approve: {},
  revision: { feedback: "Please add the #ad disclosure." },
};

function act(action: Action, token: string | undefined, partnershipId: string, id: string, body: object = validBody[action]) {
  return call(handlers[action], `${base(partnershipId)}/${id}/${action}`, { token, body, params: { partnershipId, deliverableId: id } });
}

/** The deliverable row and the partnership's activity count, for "nothing changed" checks. */
async function snapshot(partnershipId: string, id: string) {
  const db = getDb();
  const [deliverable, activity, partnership] = await Promise.all([
    db.deliverable.findUnique({ where: { id } }),
    db.activityLog.count({ where: { partnershipId } }),
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { status: true } }),
  ]);
  return { deliverable, activity, partnership };
}

async function expectRefused(
  action: Action,
  token: string,
  partnershipId: string,
  id: string,
  status: number,
  code: string,
  body?: object,
) {
  const before = await snapshot(partnershipId, id);
  const res = await act(action, token, partnershipId, id, body);
  expect(res.status).toBe(status);
  expect(res.body.error.code).toBe(code);
  expect(await snapshot(partnershipId, id)).toEqual(before);
  return res;
}

describe("deliverable workflow", () => {
  it("lists and reads the deliverables for both parties", async () => {
    for (const token of [creator, brand2]) {
      const res = await call(list, base(P.active), { token, params: { partnershipId: P.active } });
      expect(res.status).toBe(200);
      const { deliverables } = deliverableList.parse(res.body);
      expect(deliverables.map((d) => d.id)).toEqual([0, 1, 2].map((i) => deliverableId("active", i)));
      expect(deliverables.every((d) => d.status === "pending" && d.partnershipId === P.active)).toBe(true);

      const one = await call(getOne, `${base(P.active)}/${deliverables[1]!.id}`, {
        token,
        params: { partnershipId: P.active, deliverableId: deliverables[1]!.id },
      });
      expect(one.status).toBe(200);
      expect(deliverableItem.parse(one.body)).toEqual(deliverables[1]);
    }
  });

  it("goes submit → revision → resubmit → approve, with every status checked", async () => {
    const db = getDb();
    const id = deliverableId("active", 0);
    const start = new Date(Date.now() - 1000);
    const status = async () =>
      deliverableItem.parse(
        (await call(getOne, `${base(P.active)}/${id}`, { token: brand2, params: { partnershipId: P.active, deliverableId: id } })).body,
      );

    // Only https links.
    for (const submissionUrl of ["http://www.instagram.com/reel/x/", "ftp://files.example/x.mp4", "not a url", ""]) {
      const res = await expectRefused("submit", creator, P.active, id, 400, "invalid_request", { submissionUrl });
      expect(res.body.error.details.fields[0].path).toBe("body.submissionUrl");
    }
    await expectRefused("submit", creator, P.active, id, 400, "invalid_request", {});
    // Out of turn: the brand cannot submit; the creator cannot approve or ask for a revision.
    await expectRefused("submit", brand2, P.active, id, 403, "insufficient_permissions");
    // Not submitted yet: nothing to approve or revise.
    await expectRefused("approve", brand2, P.active, id, 409, "invalid_state");
    await expectRefused("revision", brand2, P.active, id, 409, "invalid_state");

    const submitted = await act("submit", creator, P.active, id, { submissionUrl: SUBMISSION, notes: "Live now" });
    expect(submitted.status).toBe(200);
    const s1 = deliverableItem.parse(submitted.body);
    expect(s1).toMatchObject({ id, status: "submitted", submissionUrl: SUBMISSION, feedback: null, approvedAt: null });
    expect(s1.submittedAt).not.toBeNull();
    expect((await status()).status).toBe("submitted");
    expect((await db.deliverable.findUniqueOrThrow({ where: { id } })).notes).toBe("Live now");

    await expectRefused("submit", creator, P.active, id, 409, "invalid_state", { submissionUrl: SUBMISSION });
    await expectRefused("approve", creator, P.active, id, 403, "insufficient_permissions");
    await expectRefused("revision", creator, P.active, id, 403, "insufficient_permissions");
    const missing = await expectRefused("revision", brand2, P.active, id, 400, "invalid_request", {});
    expect(missing.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(["body.feedback"]);
    await expectRefused("revision", brand2, P.active, id, 400, "invalid_request", { feedback: "   " });

    const revised = await act("revision", brand2, P.active, id, { feedback: "Show the product in the first frame." });
    expect(revised.status).toBe(200);
    expect(deliverableItem.parse(revised.body)).toMatchObject({
      status: "in_progress",
      feedback: "Show the product in the first frame.",
      submissionUrl: SUBMISSION,
    });
    expect((await status()).status).toBe("in_progress");
    expect((await db.deliverable.findUniqueOrThrow({ where: { id } })).revisionCount).toBe(1);
    await expectRefused("approve", brand2, P.active, id, 409, "invalid_state");

    const second = "https://www.instagram.com/reel/Cx7654321ba/";
    const resubmitted = await act("submit", creator, P.active, id, { submissionUrl: second });
    expect(resubmitted.status).toBe(200);
    const s2 = deliverableItem.parse(resubmitted.body);
    expect(s2).toMatchObject({ status: "submitted", submissionUrl: second, feedback: null });
    expect(Date.parse(s2.submittedAt!)).toBeGreaterThanOrEqual(Date.parse(s1.submittedAt!));
    expect((await status()).status).toBe("submitted");

    const approved = await act("approve", brand2, P.active, id, { feedback: "Great, approved." });
    expect(approved.status).toBe(200);
    const a = deliverableItem.parse(approved.body);
    expect(a).toMatchObject({ status: "approved", feedback: "Great, approved.", submissionUrl: second });
    expect(a.approvedAt).not.toBeNull();
    expect((await status()).status).toBe("approved");

    // Finished work stays finished.
    await expectRefused("submit", creator, P.active, id, 409, "invalid_state", { submissionUrl: SUBMISSION });
    await expectRefused("approve", brand2, P.active, id, 409, "invalid_state");
    await expectRefused("revision", brand2, P.active, id, 409, "invalid_state");

    const log = await db.activityLog.findMany({
      where: { partnershipId: P.active, createdAt: { gte: start } },
      orderBy: { createdAt: "asc" },
    });
    expect(log.map((l) => l.type)).toEqual([
      "deliverable_submitted",
      "deliverable_revision_requested",
      "deliverable_submitted",
      "deliverable_approved",
    ]);
    expect(log.every((l) => (l.metadata as { deliverableId?: string }).deliverableId === id)).toBe(true);
    // The partnership is not done: other deliverables and payments are open.
    expect((await db.partnership.findUniqueOrThrow({ where: { id: P.active } })).status).toBe("active");
  });

  it("accepts exactly one of 20 concurrent approvals", async () => {
    const id = deliverableId("inEscrow", 1);
    const results = await Promise.all(Array.from({ length: 20 }, () => act("approve", brand, P.inEscrow, id)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    expect((await getDb().deliverable.findUniqueOrThrow({ where: { id } })).status).toBe("approved");
    expect(
      await getDb().activityLog.count({
        where: { partnershipId: P.inEscrow, type: "deliverable_approved", metadata: { path: ["deliverableId"], equals: id } },
      }),
    ).toBe(1);
  });

  it("completes the partnership when the last deliverable is approved and every payment released", async () => {
    const db = getDb();
    // Everything else finished: the remaining deliverable approved, payments released.
    await db.deliverable.update({ where: { id: deliverableId("inEscrow", 2) }, data: { status: "approved", approvedAt: new Date() } });
    await db.partnershipPayment.updateMany({ where: { partnershipId: P.inEscrow }, data: { status: "completed", paidAt: new Date() } });
    // As if each had been charged, released and paid out: the ledger entries those steps write.
    await db.$queryRaw`SELECT record_missing_escrow_entries()::int AS written`;

    const res = await act("approve", brand, P.inEscrow, deliverableId("inEscrow", 0));
    expect(res.status).toBe(200);
    expect(deliverableItem.parse(res.body).status).toBe("approved");
    const partnership = await db.partnership.findUniqueOrThrow({ where: { id: P.inEscrow } });
    expect(partnership.status).toBe("completed");
    expect(partnership.completedAt).not.toBeNull();
    expect(await db.activityLog.count({ where: { partnershipId: P.inEscrow, type: "partnership_completed" } })).toBe(1);

    // Now closed: further actions are refused.
    await expectRefused("revision", brand, P.inEscrow, deliverableId("inEscrow", 1), 409, "invalid_state");
  });

  it("refuses every action on completed and terminated partnerships", async () => {
    const db = getDb();
    // Termination rejected the work that was not approved.
    expect(await db.deliverable.count({ where: { partnershipId: P.terminated, status: "rejected" } })).toBeGreaterThan(0);
    for (const [partnership, token, brandToken] of [
      ["completed", creator, brand],
      ["terminated", creator2, brand2],
    ] as const) {
      const pid = P[partnership];
      const id = deliverableId(partnership, 0);
      await expectRefused("submit", token, pid, id, 409, "invalid_state");
      await expectRefused("approve", brandToken, pid, id, 409, "invalid_state");
      await expectRefused("revision", brandToken, pid, id, 409, "invalid_state");
      // The partnership's state is what refuses them, whatever the deliverable's.
      const pending = await db.deliverable.findFirst({ where: { partnershipId: pid, status: { in: ["pending", "rejected"] } } });
      if (pending) {
        const res = await expectRefused("submit", token, pid, pending.id, 409, "invalid_state");
        expect(res.body.error.message).toBe(`Partnership is ${partnership}`);
      }
      // Reading stays possible.
      expect((await call(list, base(pid), { token, params: { partnershipId: pid } })).status).toBe(200);
    }
  });
});

describe("deliverable access", () => {
  // P.active belongs to creator and brand2; brand and creator2 are strangers to it.
  const pid = P.active;
  const id = deliverableId("active", 2);
  const routes = [
    { name: "list", run: (token?: string, p = pid) => call(list, base(p), { token, params: { partnershipId: p } }) },
    {
      name: "get",
      run: (token?: string, p = pid, d = id) => call(getOne, `${base(p)}/${d}`, { token, params: { partnershipId: p, deliverableId: d } }),
    },
    ...(["submit", "approve", "revision"] as const).map((action) => ({
      name: action,
      run: (token?: string, p = pid, d = id) => act(action, token, p, d),
    })),
  ];

  it.each(routes)("$name: 404 for non-parties and unknown partnerships", async ({ run }) => {
    const before = await snapshot(pid, id);
    for (const token of [brand, creator2]) {
      const res = await run(token);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("resource_not_found");
    }
    for (const bad of ["not-a-uuid", seedId("no-such-partnership")]) expect((await run(creator, bad)).status).toBe(404);
    expect(await snapshot(pid, id)).toEqual(before);
  });

  it.each(routes.filter((r) => r.name !== "list"))(
    "$name: 404 for a deliverable of another partnership or an unknown id",
    async ({ run }) => {
      // A deliverable of the creator's other partnership (with brand), asked for under this one.
      const foreign = deliverableId("other", 0);
      const before = await snapshot(P.active, foreign);
      for (const d of [foreign, "42", seedId("no-such-deliverable")]) {
        for (const token of [creator, brand2]) {
          const res = await run(token, pid, d);
          expect(res.status).toBe(404);
          expect(res.body.error.code).toBe("resource_not_found");
        }
      }
      expect(await snapshot(P.active, foreign)).toEqual(before);
    },
  );

  it.each(routes)("$name: 403 for the partner role, 401 without a token", async ({ run }) => {
    const forbidden = await run(partner);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("insufficient_permissions");
    const anonymous = await run(undefined);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("authentication_required");
  });
});
