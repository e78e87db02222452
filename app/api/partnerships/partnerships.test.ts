import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listPartnershipsResponse, partnershipResponse } from "@/lib/partnerships/schemas/partnerships";
import { seedId } from "@/prisma/seed/ids";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as getOne } from "./[partnershipId]/route";
import { GET as list } from "./route";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/partnerships";
const MISSING = "00000000-0000-4000-8000-000000000000";

type Who = "brand" | "brand2" | "creator" | "creator2" | "partner";
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;

const seeded = {
  completed: seedId("partnership:back-to-school-amani"), // brand + creator
  terminated: seedId("partnership:hair-week-njeri"), // brand2 + creator2
  inEscrow: seedId("partnership:zero-sugar-njeri"), // brand + creator2
  justAccepted: seedId("partnership:glow-amani-pitch"), // brand2 + creator, no contract
};
const zeroSugar = seedId("campaign:zero-sugar");

beforeAll(async () => {
  for (const who of ["brand", "brand2", "creator", "creator2", "partner"] as const) {
    tokens[who] = await tokenFor(`${who}@demo.test`);
    ids[who] = (await getDb().user.findUniqueOrThrow({ where: { email: `${who}@demo.test` } })).id;
  }
});

const get = (who: Who, partnershipId: string) => call(getOne, `${URL}/${partnershipId}`, { token: tokens[who], params: { partnershipId } });

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect((res.body as { error: { code: string } }).error.code).toBe(code);
}

describe("authentication and roles", () => {
  it("answers 401 without a token and 403 to the partner role", async () => {
    expectError(await call(list, URL), 401, "authentication_required");
    expectError(
      await call(getOne, `${URL}/${seeded.completed}`, { params: { partnershipId: seeded.completed } }),
      401,
      "authentication_required",
    );
    expectError(await call(list, URL, { token: tokens.partner }), 403, "insufficient_permissions");
    expectError(await get("partner", seeded.completed), 403, "insufficient_permissions");
  });
});

describe("get partnership", () => {
  it("shows a completed partnership to both parties in full", async () => {
    for (const who of ["creator", "brand"] as const) {
      const res = await get(who, seeded.completed);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const p = partnershipResponse.parse(res.body);
      expect(p).toMatchObject({
        id: seeded.completed,
        status: "completed",
        creatorId: ids.creator,
        brandId: ids.brand,
        creatorDetails: { name: "Amani Wekesa" },
        campaignId: seedId("campaign:back-to-school"),
        campaignName: "Back-to-School Refresh",
        proposalId: seedId("proposal:back-to-school-amani"),
        contractId: seedId("partnership:back-to-school-amani:contract"),
        compensation: { amount: 2400, currency: "USD", paymentSchedule: "50% upfront, 50% on completion" },
      });
      expect(p.creatorDetails.handle).toBeTruthy();
      expect(p.brandDetails.companyName).toBeTruthy();
      expect(p.completedAt).not.toBeNull();
      expect(p.deliverables).toHaveLength(3);
      expect(p.deliverables.every((d) => d.status === "approved" && d.approvedAt && d.submittedAt && d.submissionUrl)).toBe(true);
      expect(p.compensation.payments.map((x) => [x.type, x.amount, x.status])).toEqual([
        ["initial", 1200, "completed"],
        ["final", 1200, "completed"],
      ]);
      expect(p.compensation.payments.every((x) => x.paidAt !== null)).toBe(true);
      expect(p.timeline.milestones).toEqual(
        p.deliverables.map((d) => ({ description: d.description, dueDate: d.dueDate, status: "completed", completedAt: d.approvedAt })),
      );
      expect(p.terms.contentRights).toBeTruthy();
      const types = p.activity.map((a) => a.type);
      expect(types[0]).toBe("proposal_accepted");
      expect(types.at(-1)).toBe("partnership_completed");
      expect(types).toContain("contract_signed");
      const timestamps = p.activity.map((a) => a.timestamp);
      expect([...timestamps].sort()).toEqual(timestamps);
      expect(p.activity.find((a) => a.type === "deliverable_submitted")).toMatchObject({ userId: ids.creator, userName: "Amani Wekesa" });
    }
  });

  it("lists activity written in the same millisecond in the order it happened", async () => {
    const db = getDb();
    const at = new Date("2026-11-20T12:00:00.000Z");
    // Ids chosen so that sorting by id would put them the wrong way round.
    for (const [id, type] of [
      ["ffffffff-ffff-4fff-8fff-fffffffffff1", "payment_released"],
      ["00000000-0000-4000-8000-000000000001", "partnership_completed"],
    ] as const) {
      await db.activityLog.create({
        data: { id, partnershipId: seeded.justAccepted, userId: ids.brand2, type, description: type, createdAt: at },
      });
    }
    const p = partnershipResponse.parse((await get("brand2", seeded.justAccepted)).body);
    const sameMoment = p.activity.filter((a) => a.timestamp === at.toISOString()).map((a) => a.type);
    expect(sameMoment).toEqual(["payment_released", "partnership_completed"]);
    await db.activityLog.deleteMany({ where: { createdAt: at, partnershipId: seeded.justAccepted } });
  });

  it("shows a partnership without a contract with contractId null and pending milestones", async () => {
    const p = partnershipResponse.parse((await get("brand2", seeded.justAccepted)).body);
    expect(p).toMatchObject({ status: "active", contractId: null, creatorId: ids.creator, brandId: ids.brand2 });
    expect(p.deliverables.map((d) => d.status)).toEqual(["pending", "pending"]);
    expect(p.timeline.milestones.every((m) => m.status === "pending" && m.completedAt === null)).toBe(true);
    expect(p.compensation.payments.map((x) => [x.type, x.status, x.paidAt])).toEqual([
      ["initial", "pending", null],
      ["final", "pending", null],
    ]);
  });

  it("answers 404 to non-parties and for missing or non-UUID ids", async () => {
    expectError(await get("brand2", seeded.completed), 404, "resource_not_found");
    expectError(await get("creator2", seeded.completed), 404, "resource_not_found");
    expectError(await get("brand", seeded.terminated), 404, "resource_not_found");
    expectError(await get("creator", seeded.inEscrow), 404, "resource_not_found");
    expectError(await get("brand", MISSING), 404, "resource_not_found");
    expectError(await get("brand", "nope"), 404, "resource_not_found");
  });
});

describe("list partnerships", () => {
  it("lists only the creator's own partnerships, newest first, with deliverable progress", async () => {
    const res = await call(list, URL, { token: tokens.creator });
    expect(res.status).toBe(200);
    const body = listPartnershipsResponse.parse(res.body);
    const expected = await getDb().partnership.findMany({
      where: { creatorId: ids.creator },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(body.partnerships.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(body.pagination).toEqual({ total: expected.length, pages: Math.ceil(expected.length / 20), current: 1, limit: 20 });
    expect(body.partnerships.find((p) => p.id === seeded.completed)).toMatchObject({
      status: "completed",
      creatorName: "Amani Wekesa",
      campaignName: "Back-to-School Refresh",
      compensation: { amount: 2400, currency: "USD" },
      deliverablesCount: 3,
      deliverablesCompleted: 3,
    });
    expect(body.partnerships.find((p) => p.id === seeded.justAccepted)).toMatchObject({ deliverablesCount: 2, deliverablesCompleted: 0 });
  });

  it("lists the brand's partnerships and counts approved deliverables per partnership", async () => {
    const body = listPartnershipsResponse.parse((await call(list, URL, { token: tokens.brand })).body);
    const rows = await getDb().partnership.findMany({ where: { brandId: ids.brand }, include: { deliverables: true } });
    expect(body.partnerships).toHaveLength(rows.length);
    for (const row of rows) {
      expect(body.partnerships.find((p) => p.id === row.id)).toMatchObject({
        brandId: ids.brand,
        deliverablesCount: row.deliverables.length,
        deliverablesCompleted: row.deliverables.filter((d) => d.status === "approved").length,
      });
    }
  });

  it("filters by status, role and campaign, and pages", async () => {
    const completed = listPartnershipsResponse.parse((await call(list, `${URL}?status=completed`, { token: tokens.brand })).body);
    expect(completed.partnerships.map((p) => p.id)).toEqual([seeded.completed]);

    const asBrand = listPartnershipsResponse.parse((await call(list, `${URL}?role=brand`, { token: tokens.creator })).body);
    expect(asBrand).toEqual({ partnerships: [], pagination: { total: 0, pages: 0, current: 1, limit: 20 } });
    const asCreator = listPartnershipsResponse.parse((await call(list, `${URL}?role=creator`, { token: tokens.creator })).body);
    expect(asCreator.pagination.total).toBe(await getDb().partnership.count({ where: { creatorId: ids.creator } }));

    const campaign = listPartnershipsResponse.parse((await call(list, `${URL}?campaignId=${zeroSugar}`, { token: tokens.brand })).body);
    expect(campaign.partnerships.length).toBe(await getDb().partnership.count({ where: { brandId: ids.brand, campaignId: zeroSugar } }));
    expect(campaign.partnerships.every((p) => p.campaignId === zeroSugar && p.campaignName === "Savanna Zero Sugar Launch")).toBe(true);
    // Another brand's campaign shows nothing of theirs.
    const foreign = listPartnershipsResponse.parse((await call(list, `${URL}?campaignId=${zeroSugar}`, { token: tokens.brand2 })).body);
    expect(foreign.partnerships).toEqual([]);

    const total = await getDb().partnership.count({ where: { brandId: ids.brand } });
    const page2 = listPartnershipsResponse.parse((await call(list, `${URL}?page=2&limit=1`, { token: tokens.brand })).body);
    expect(page2.pagination).toEqual({ total, pages: total, current: 2, limit: 1 });
    expect(page2.partnerships).toHaveLength(1);
  });

  it("answers 400 naming bad query parameters", async () => {
    for (const [query, path] of [
      ["limit=101", "query.limit"],
      ["page=-1", "query.page"],
      ["status=accepted", "query.status"],
      ["role=sender", "query.role"],
      ["campaignId=abc", "query.campaignId"],
    ]) {
      const res = await call(list, `${URL}?${query}`, { token: tokens.creator });
      expectError(res, 400, "invalid_request");
      expect((res.body as { error: { details: { fields: Array<{ path: string }> } } }).error.details.fields.map((f) => f.path)).toEqual([
        path,
      ]);
    }
  });
});
