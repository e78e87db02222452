import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import {
  acceptProposalResponse,
  listProposalsResponse,
  proposalResponse,
  type ProposalResponse,
} from "@/lib/partnerships/schemas/proposals";
import { seedId } from "@/prisma/seed/ids";
import { freshCampaign } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as accept } from "./[proposalId]/accept/route";
import { POST as counter } from "./[proposalId]/counter/route";
import { POST as reject } from "./[proposalId]/reject/route";
import { GET as getOne, PATCH as patch } from "./[proposalId]/route";
import { POST as send } from "./[proposalId]/send/route";
import { GET as list, POST as create } from "./route";

// Many requests share one token here; the per-minute limit is not what these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";

const URL = "/api/partnerships/proposals";
const MISSING = "00000000-0000-4000-8000-000000000000";

type Who = "brand" | "brand2" | "creator" | "creator2" | "partner";
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;
const zeroSugar = seedId("campaign:zero-sugar"); // brand's
const glow = seedId("campaign:glow"); // brand2's

beforeAll(async () => {
  for (const who of ["brand", "brand2", "creator", "creator2", "partner"] as const) {
    tokens[who] = await tokenFor(`${who}@demo.test`);
    ids[who] = (await getDb().user.findUniqueOrThrow({ where: { email: `${who}@demo.test` } })).id;
  }
});

const validBody = (recipientId: string, extra: Record<string, unknown> = {}) => ({
  recipientId,
  campaignId: zeroSugar,
  deliverables: [
    { type: "instagram_reel", description: "Taste-test reel", dueDate: "2027-02-10T09:00:00Z", requirements: "Tag @savannabev" },
    { type: "tiktok_video", description: "Street-food pairing", dueDate: "2027-03-01" },
  ],
  compensation: { amount: 1500.5, currency: "usd", paymentSchedule: "50% upfront, 50% on completion" },
  timeline: { startDate: "2027-02-01T00:00:00Z", endDate: "2027-03-31T00:00:00Z" },
  terms: { contentRights: "12 months of reposting", revisions: "Two rounds" },
  ...extra,
});

const at = (id: string, suffix = "") => `${URL}/${id}${suffix}`;
const p = (proposalId: string) => ({ proposalId });

/**
 * A draft from `from` to `to`. Unless the test names a campaign, each draft gets a new
 * campaign of the brand party: a sender may have one unanswered proposal per recipient
 * and campaign, and these tests make many.
 */
async function createDraft(from: Who, to: Who, extra: Record<string, unknown> = {}): Promise<ProposalResponse> {
  const brand = from.startsWith("brand") ? from : to;
  const campaignId = "campaignId" in extra ? extra.campaignId : await freshCampaign(ids[brand]);
  const body = validBody(ids[to], { ...extra, campaignId });
  const res = await call(create, URL, { token: tokens[from], body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return proposalResponse.parse(res.body);
}

async function createSent(from: Who, to: Who, extra: Record<string, unknown> = {}): Promise<ProposalResponse> {
  const draft = await createDraft(from, to, extra);
  const res = await call(send, at(draft.id, "/send"), { token: tokens[from], params: p(draft.id) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return proposalResponse.parse(res.body);
}

/** The proposal's status and history length, to show a refused action changed nothing. */
async function snapshot(id: string) {
  const row = await getDb().proposal.findUniqueOrThrow({ where: { id }, include: { _count: { select: { history: true } } } });
  return { status: row.status, updatedAt: row.updatedAt.toISOString(), events: row._count.history, amountMinor: row.amountMinor };
}

function fieldPaths(body: unknown): string[] {
  return (body as { error: { details: { fields: Array<{ path: string }> } } }).error.details.fields.map((f) => f.path);
}

function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect((res.body as { error: { code: string } }).error.code).toBe(code);
}

describe("authentication and roles", () => {
  const routes = () =>
    [
      [create, URL, { body: validBody(MISSING) }],
      [list, URL, {}],
      [getOne, at(MISSING), { params: p(MISSING) }],
      [patch, at(MISSING), { method: "PATCH", body: {}, params: p(MISSING) }],
      [send, at(MISSING, "/send"), { method: "POST", params: p(MISSING) }],
      [accept, at(MISSING, "/accept"), { method: "POST", params: p(MISSING) }],
      [counter, at(MISSING, "/counter"), { body: {}, params: p(MISSING) }],
      [reject, at(MISSING, "/reject"), { body: {}, params: p(MISSING) }],
    ] as const;

  it("answers 401 without a token", async () => {
    for (const [handler, url, options] of routes()) {
      const res = await call(handler, url, options);
      expectError(res, 401, "authentication_required");
    }
  });

  it("answers 403 to the partner role on every route", async () => {
    for (const [handler, url, options] of routes()) {
      const res = await call(handler, url, { ...options, token: tokens.partner });
      expectError(res, 403, "insufficient_permissions");
    }
  });
});

describe("happy path: create → get → patch → send → accept", () => {
  it("walks a brand's proposal to an active partnership", async () => {
    const draft = await createDraft("brand", "creator", { campaignId: zeroSugar });
    expect(draft).toMatchObject({
      status: "draft",
      senderId: ids.brand,
      senderType: "brand",
      recipientId: ids.creator,
      recipientType: "creator",
      campaignId: zeroSugar,
      campaignName: "Savanna Zero Sugar Launch",
      compensation: { amount: 1500.5, currency: "USD", paymentSchedule: "50% upfront, 50% on completion" },
      timeline: { startDate: "2027-02-01T00:00:00.000Z", endDate: "2027-03-31T00:00:00.000Z" },
      terms: { contentRights: "12 months of reposting", revisions: "Two rounds", exclusivity: null, additionalTerms: null },
      counterOfId: null,
    });
    expect(draft.senderDetails.companyName).toBeTruthy();
    expect(draft.recipientDetails).toMatchObject({ name: "Amani Wekesa" });
    expect(draft.deliverables).toEqual([
      { type: "instagram_reel", description: "Taste-test reel", dueDate: "2027-02-10T09:00:00.000Z", requirements: "Tag @savannabev" },
      { type: "tiktok_video", description: "Street-food pairing", dueDate: "2027-03-01T00:00:00.000Z", requirements: null },
    ]);
    expect(draft.history.map((h) => [h.action, h.userId])).toEqual([["created", ids.brand]]);

    // A draft is the sender's alone: the recipient cannot open it, nor find it in a list.
    const own = await call(getOne, at(draft.id), { token: tokens.brand, params: p(draft.id) });
    expect(proposalResponse.parse(own.body).status).toBe("draft");
    expectError(await call(getOne, at(draft.id), { token: tokens.creator, params: p(draft.id) }), 404, "resource_not_found");
    const received = listProposalsResponse.parse((await call(list, `${URL}?limit=100`, { token: tokens.creator })).body);
    expect(received.proposals.map((x) => x.id)).not.toContain(draft.id);

    const patched = await call(patch, at(draft.id), {
      method: "PATCH",
      token: tokens.brand,
      params: p(draft.id),
      body: { compensation: { amount: 2000 }, timeline: { endDate: "2027-04-30" }, terms: { exclusivity: "30 days" } },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const updated = proposalResponse.parse(patched.body);
    expect(updated).toMatchObject({
      status: "draft",
      compensation: { amount: 2000, currency: "USD", paymentSchedule: "50% upfront, 50% on completion" },
      timeline: { startDate: "2027-02-01T00:00:00.000Z", endDate: "2027-04-30T00:00:00.000Z" },
      terms: { contentRights: "12 months of reposting", exclusivity: "30 days" },
    });
    // Edits to a draft are not history: the recipient never saw the draft.
    expect(updated.history.map((h) => h.action)).toEqual(["created"]);

    const sentRes = await call(send, at(draft.id, "/send"), { method: "POST", token: tokens.brand, params: p(draft.id) });
    expect(sentRes.status).toBe(200);
    const sent = proposalResponse.parse(sentRes.body);
    expect(sent.status).toBe("sent");
    expect(sent.sentAt).not.toBeNull();
    expect(sent.history.map((h) => h.action)).toEqual(["created", "sent"]);

    // The recipient's first look is recorded once.
    for (let i = 0; i < 2; i++) {
      const res = await call(getOne, at(draft.id), { token: tokens.creator, params: p(draft.id) });
      expect(proposalResponse.parse(res.body).history.map((h) => [h.action, h.userId])).toEqual([
        ["created", ids.brand],
        ["sent", ids.brand],
        ["viewed", ids.creator],
      ]);
    }
    const senderView = proposalResponse.parse((await call(getOne, at(draft.id), { token: tokens.brand, params: p(draft.id) })).body);
    expect(senderView.history.filter((h) => h.action === "viewed")).toHaveLength(1);

    const acceptRes = await call(accept, at(draft.id, "/accept"), { method: "POST", token: tokens.creator, params: p(draft.id) });
    expect(acceptRes.status, JSON.stringify(acceptRes.body)).toBe(200);
    const { proposal, partnership } = acceptProposalResponse.parse(acceptRes.body);
    expect(proposal.status).toBe("accepted");
    expect(proposal.respondedAt).not.toBeNull();
    expect(proposal.history.map((h) => h.action)).toEqual(["created", "sent", "viewed", "accepted"]);
    expect(partnership).toMatchObject({
      status: "active",
      creatorId: ids.creator,
      brandId: ids.brand,
      proposalId: draft.id,
      campaignId: zeroSugar,
      contractId: null,
      compensation: { amount: 2000, currency: "USD", paymentSchedule: "50% upfront, 50% on completion" },
      timeline: { startDate: "2027-02-01T00:00:00.000Z", endDate: "2027-04-30T00:00:00.000Z" },
      terms: { contentRights: "12 months of reposting", exclusivity: "30 days", revisions: "Two rounds", additionalTerms: null },
    });
    expect(partnership.deliverables.map((d) => [d.type, d.status, d.dueDate])).toEqual([
      ["instagram_reel", "pending", "2027-02-10T09:00:00.000Z"],
      ["tiktok_video", "pending", "2027-03-01T00:00:00.000Z"],
    ]);
    expect(partnership.compensation.payments.map((x) => [x.type, x.amount, x.status, x.dueDate])).toEqual([
      ["initial", 1000, "pending", "2027-02-01T00:00:00.000Z"],
      ["final", 1000, "pending", "2027-04-30T00:00:00.000Z"],
    ]);
    expect(partnership.timeline.milestones.map((m) => m.status)).toEqual(["pending", "pending"]);
    expect(partnership.activity).toEqual([
      expect.objectContaining({ type: "proposal_accepted", userId: ids.creator, userName: "Amani Wekesa" }),
    ]);

    // The final payment waits on every deliverable; the initial one on none.
    const links = await getDb().partnershipPaymentDeliverable.findMany({
      where: { payment: { partnershipId: partnership.id } },
      include: { payment: true, deliverable: true },
    });
    expect(links).toHaveLength(2);
    expect(links.every((l) => l.payment.type === "final")).toBe(true);
    expect(
      (await getDb().deliverable.findMany({ where: { partnershipId: partnership.id }, orderBy: { position: "asc" } })).map(
        (d) => d.position,
      ),
    ).toEqual([0, 1]);
  });

  it("lets a creator pitch a brand, with the brand's campaign", async () => {
    const sent = await createSent("creator2", "brand", {
      compensation: { amount: 999.99, currency: "KES", paymentSchedule: "30% upfront, 70% on completion" },
    });
    const res = await call(accept, at(sent.id, "/accept"), { method: "POST", token: tokens.brand, params: p(sent.id) });
    expect(res.status).toBe(200);
    const { partnership } = acceptProposalResponse.parse(res.body);
    expect(partnership).toMatchObject({ creatorId: ids.creator2, brandId: ids.brand, compensation: { amount: 999.99, currency: "KES" } });
    expect(partnership.compensation.payments.map((x) => [x.type, x.amount])).toEqual([
      ["initial", 299.99],
      ["final", 700],
    ]);
    expect(partnership.activity[0]).toMatchObject({ type: "proposal_accepted", userId: ids.brand });
  });

  it("makes one final payment of the whole amount when the schedule says on completion", async () => {
    const sent = await createSent("brand2", "creator2", {
      compensation: { amount: 800, currency: "USD", paymentSchedule: "On completion" },
    });
    const res = await call(accept, at(sent.id, "/accept"), { method: "POST", token: tokens.creator2, params: p(sent.id) });
    const { partnership } = acceptProposalResponse.parse(res.body);
    expect(partnership.compensation.payments.map((x) => [x.type, x.amount, x.dueDate])).toEqual([
      ["final", 800, "2027-03-31T00:00:00.000Z"],
    ]);
    expect(await getDb().partnershipPaymentDeliverable.count({ where: { payment: { partnershipId: partnership.id } } })).toBe(2);
  });
});

describe("counter and reject", () => {
  it("counters: the original is countered, the counter is sent back by the counter-party and can be accepted", async () => {
    const original = await createSent("brand", "creator2");
    const res = await call(counter, at(original.id, "/counter"), {
      token: tokens.creator2,
      params: p(original.id),
      body: {
        compensation: { amount: 2500 },
        deliverables: [{ type: "youtube_video", description: "Vlog", dueDate: "2027-03-15" }],
        message: "  A vlog reaches my audience better than a post.  ",
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const countered = proposalResponse.parse(res.body);
    expect(countered.id).not.toBe(original.id);
    expect(countered).toMatchObject({
      status: "sent",
      senderId: ids.creator2,
      senderType: "creator",
      recipientId: ids.brand,
      recipientType: "brand",
      counterOfId: original.id,
      campaignId: original.campaignId,
      compensation: { amount: 2500, currency: "USD", paymentSchedule: original.compensation.paymentSchedule },
      timeline: original.timeline,
      terms: original.terms,
    });
    expect(countered.deliverables).toEqual([
      { type: "youtube_video", description: "Vlog", dueDate: "2027-03-15T00:00:00.000Z", requirements: null },
    ]);
    expect(countered.history.map((h) => [h.action, h.userId, h.note])).toEqual([
      // The counter's message is kept as the note of its creation.
      ["created", ids.creator2, "A vlog reaches my audience better than a post."],
      ["sent", ids.creator2, null],
    ]);

    const originalNow = proposalResponse.parse((await call(getOne, at(original.id), { token: tokens.brand, params: p(original.id) })).body);
    expect(originalNow.status).toBe("countered");
    expect(originalNow.history.map((h) => h.action)).toEqual(["created", "sent", "countered"]);

    // Countered once only.
    const before = await snapshot(original.id);
    const again = await call(counter, at(original.id, "/counter"), { token: tokens.creator2, params: p(original.id), body: {} });
    expectError(again, 409, "invalid_state");
    expect(await snapshot(original.id)).toEqual(before);
    expect(await getDb().proposal.count({ where: { counterOfId: original.id } })).toBe(1);

    const accepted = await call(accept, at(countered.id, "/accept"), { method: "POST", token: tokens.brand, params: p(countered.id) });
    expect(accepted.status).toBe(200);
    const body = acceptProposalResponse.parse(accepted.body);
    expect(body.proposal.status).toBe("accepted");
    expect(body.partnership).toMatchObject({
      creatorId: ids.creator2,
      brandId: ids.brand,
      proposalId: countered.id,
      compensation: { amount: 2500 },
    });
  });

  it("refuses a counter that would be a second unanswered offer to the same party for the campaign", async () => {
    // The demo data has Njeri's unanswered pitch to the brand for Zero Sugar.
    const open = await getDb().proposal.findFirstOrThrow({
      where: { senderId: ids.creator2, recipientId: ids.brand, campaignId: zeroSugar, status: "sent" },
    });
    const original = await createSent("brand", "creator2", { campaignId: zeroSugar });
    const res = await call(counter, at(original.id, "/counter"), {
      token: tokens.creator2,
      params: p(original.id),
      body: { compensation: { amount: 99 } },
    });
    expectError(res, 409, "conflict");
    expect(res.body.error.details).toEqual({ proposalId: open.id });
    expect((await getDb().proposal.findUniqueOrThrow({ where: { id: original.id } })).status).toBe("sent");
  });

  it("rejects with a reason", async () => {
    const sent = await createSent("brand2", "creator");
    const res = await call(reject, at(sent.id, "/reject"), {
      token: tokens.creator,
      params: p(sent.id),
      body: { reason: "Dates clash with another campaign" },
    });
    expect(res.status).toBe(200);
    const rejected = proposalResponse.parse(res.body);
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Dates clash with another campaign" });
    expect(rejected.history.at(-1)).toMatchObject({ action: "rejected", userId: ids.creator, note: "Dates clash with another campaign" });
  });

  it("rejects without a body", async () => {
    const sent = await createSent("brand2", "creator");
    const res = await call(reject, at(sent.id, "/reject"), { method: "POST", token: tokens.creator, params: p(sent.id) });
    expect(res.status).toBe(200);
    expect(proposalResponse.parse(res.body)).toMatchObject({ status: "rejected", rejectionReason: null });
  });
});

describe("invalid transitions answer 409 and change nothing", () => {
  it("refuses to edit or send a sent proposal, and to accept a draft", async () => {
    const sent = await createSent("brand", "creator");
    const before = await snapshot(sent.id);
    expectError(
      await call(patch, at(sent.id), { method: "PATCH", token: tokens.brand, params: p(sent.id), body: { compensation: { amount: 1 } } }),
      409,
      "invalid_state",
    );
    expectError(await call(send, at(sent.id, "/send"), { method: "POST", token: tokens.brand, params: p(sent.id) }), 409, "invalid_state");
    expect(await snapshot(sent.id)).toEqual(before);

    // The recipient cannot answer a draft: to them it does not exist yet.
    const draft = await createDraft("brand", "creator");
    const draftBefore = await snapshot(draft.id);
    for (const handler of [accept, counter, reject]) {
      expectError(
        await call(handler, at(draft.id, "/x"), { token: tokens.creator, params: p(draft.id), body: {} }),
        404,
        "resource_not_found",
      );
    }
    expect(await snapshot(draft.id)).toEqual(draftBefore);
  });

  it("refuses to accept, counter or reject an accepted proposal", async () => {
    const sent = await createSent("creator", "brand");
    expect((await call(accept, at(sent.id, "/accept"), { method: "POST", token: tokens.brand, params: p(sent.id) })).status).toBe(200);
    const before = await snapshot(sent.id);
    for (const handler of [accept, counter, reject]) {
      expectError(await call(handler, at(sent.id, "/x"), { token: tokens.brand, params: p(sent.id), body: {} }), 409, "invalid_state");
    }
    expectError(
      await call(patch, at(sent.id), { method: "PATCH", token: tokens.creator, params: p(sent.id), body: {} }),
      409,
      "invalid_state",
    );
    expect(await snapshot(sent.id)).toEqual(before);
    expect(await getDb().partnership.count({ where: { proposalId: sent.id } })).toBe(1);
    expect(await getDb().proposal.count({ where: { counterOfId: sent.id } })).toBe(0);
  });

  it("refuses every response to a rejected proposal", async () => {
    const sent = await createSent("brand2", "creator2");
    expect((await call(reject, at(sent.id, "/reject"), { token: tokens.creator2, params: p(sent.id), body: {} })).status).toBe(200);
    const before = await snapshot(sent.id);
    for (const handler of [accept, counter, reject]) {
      expectError(await call(handler, at(sent.id, "/x"), { token: tokens.creator2, params: p(sent.id), body: {} }), 409, "invalid_state");
    }
    expect(await snapshot(sent.id)).toEqual(before);
  });
});

describe("access", () => {
  it("answers 403 to the party whose turn it is not", async () => {
    const draft = await createDraft("brand", "creator");
    const draftBefore = await snapshot(draft.id);
    // A draft's recipient cannot even see it (404); once sent, editing and sending are the sender's (403).
    expectError(
      await call(patch, at(draft.id), { method: "PATCH", token: tokens.creator, params: p(draft.id), body: {} }),
      404,
      "resource_not_found",
    );
    expectError(
      await call(send, at(draft.id, "/send"), { method: "POST", token: tokens.creator, params: p(draft.id) }),
      404,
      "resource_not_found",
    );
    expect(await snapshot(draft.id)).toEqual(draftBefore);

    const sent = await createSent("brand", "creator");
    const before = await snapshot(sent.id);
    for (const handler of [accept, counter, reject]) {
      expectError(
        await call(handler, at(sent.id, "/x"), { token: tokens.brand, params: p(sent.id), body: {} }),
        403,
        "insufficient_permissions",
      );
    }
    expect(await snapshot(sent.id)).toEqual(before);
  });

  it("answers 404 to non-parties and for ids that are not UUIDs or do not exist", async () => {
    const sent = await createSent("brand", "creator");
    const before = await snapshot(sent.id);
    for (const who of ["brand2", "creator2"] as const) {
      const token = tokens[who];
      expectError(await call(getOne, at(sent.id), { token, params: p(sent.id) }), 404, "resource_not_found");
      expectError(await call(patch, at(sent.id), { method: "PATCH", token, params: p(sent.id), body: {} }), 404, "resource_not_found");
      for (const handler of [send, accept, counter, reject]) {
        expectError(await call(handler, at(sent.id, "/x"), { token, params: p(sent.id), body: {} }), 404, "resource_not_found");
      }
    }
    expect(await snapshot(sent.id)).toEqual(before);
    for (const id of ["not-a-uuid", MISSING]) {
      expectError(await call(getOne, at(id), { token: tokens.brand, params: p(id) }), 404, "resource_not_found");
      expectError(
        await call(accept, at(id, "/accept"), { method: "POST", token: tokens.creator, params: p(id) }),
        404,
        "resource_not_found",
      );
    }
  });
});

describe("validation", () => {
  const cases: Array<[string, (body: ReturnType<typeof validBody>) => unknown, string]> = [
    ["missing recipient", (b) => ({ ...b, recipientId: undefined }), "body.recipientId"],
    ["recipient not a UUID", (b) => ({ ...b, recipientId: "abc" }), "body.recipientId"],
    ["no deliverables", (b) => ({ ...b, deliverables: [] }), "body.deliverables"],
    ["51 deliverables", (b) => ({ ...b, deliverables: Array.from({ length: 51 }, () => b.deliverables[0]) }), "body.deliverables"],
    [
      "deliverable without description",
      (b) => ({ ...b, deliverables: [{ type: "x", dueDate: "2027-01-01" }] }),
      "body.deliverables.0.description",
    ],
    ["bad due date", (b) => ({ ...b, deliverables: [{ ...b.deliverables[0], dueDate: "next week" }] }), "body.deliverables.0.dueDate"],
    ["zero amount", (b) => ({ ...b, compensation: { ...b.compensation, amount: 0 } }), "body.compensation.amount"],
    ["three decimals", (b) => ({ ...b, compensation: { ...b.compensation, amount: 1.005 } }), "body.compensation.amount"],
    ["bad currency", (b) => ({ ...b, compensation: { ...b.compensation, currency: "US" } }), "body.compensation.currency"],
    ["end before start", (b) => ({ ...b, timeline: { startDate: "2027-02-01", endDate: "2027-01-01" } }), "body.timeline.endDate"],
  ];

  it.each(cases)("answers 400 for %s", async (_name, mutate, path) => {
    const res = await call(create, URL, { token: tokens.brand, body: mutate(validBody(ids.creator)) });
    expectError(res, 400, "invalid_request");
    expect(fieldPaths(res.body)).toContain(path);
  });

  it("checks the parties and the campaign", async () => {
    const checks: Array<[Who, Record<string, unknown>, string]> = [
      ["brand", validBody(ids.brand2), "body.recipientId"], // brand to brand
      ["creator", validBody(ids.creator2), "body.recipientId"], // creator to creator
      ["brand", validBody(ids.brand), "body.recipientId"], // to yourself
      ["brand", validBody(ids.partner), "body.recipientId"], // partner is no party
      ["brand", validBody(MISSING), "body.recipientId"],
      ["brand", validBody(ids.creator, { campaignId: glow }), "body.campaignId"], // another brand's campaign
      ["creator", validBody(ids.brand2, { campaignId: zeroSugar }), "body.campaignId"],
      ["brand", validBody(ids.creator, { campaignId: MISSING }), "body.campaignId"],
    ];
    const before = await getDb().proposal.count();
    for (const [who, body, path] of checks) {
      const res = await call(create, URL, { token: tokens[who], body });
      expectError(res, 400, "invalid_request");
      expect(fieldPaths(res.body)).toEqual([path]);
    }
    expect(await getDb().proposal.count()).toBe(before);
  });

  it("validates edits and counters against the merged proposal", async () => {
    const draft = await createDraft("brand", "creator");
    const res = await call(patch, at(draft.id), {
      method: "PATCH",
      token: tokens.brand,
      params: p(draft.id),
      body: { timeline: { endDate: "2026-01-01" } },
    });
    expectError(res, 400, "invalid_request");
    expect(fieldPaths(res.body)).toEqual(["body.timeline.endDate"]);
    const badRecipient = await call(patch, at(draft.id), {
      method: "PATCH",
      token: tokens.brand,
      params: p(draft.id),
      body: { recipientId: ids.brand2 },
    });
    expect(fieldPaths(badRecipient.body)).toEqual(["body.recipientId"]);
    const badAmount = await call(patch, at(draft.id), {
      method: "PATCH",
      token: tokens.brand,
      params: p(draft.id),
      body: { compensation: { amount: -5 } },
    });
    expect(fieldPaths(badAmount.body)).toEqual(["body.compensation.amount"]);

    const sent = await createSent("brand", "creator");
    const before = await snapshot(sent.id);
    const badCounter = await call(counter, at(sent.id, "/counter"), {
      token: tokens.creator,
      params: p(sent.id),
      body: { campaignId: glow },
    });
    expectError(badCounter, 400, "invalid_request");
    expect(fieldPaths(badCounter.body)).toEqual(["body.campaignId"]);
    expect(await snapshot(sent.id)).toEqual(before);
  });
});

describe("list", () => {
  it("lists the actor's proposals with status and role filters and a pagination object", async () => {
    const all = await call(list, URL, { token: tokens.creator });
    expect(all.status).toBe(200);
    const body = listProposalsResponse.parse(all.body);
    const total = await getDb().proposal.count({
      where: { OR: [{ senderId: ids.creator }, { recipientId: ids.creator, status: { not: "draft" } }] },
    });
    expect(body.pagination).toEqual({ total, pages: Math.ceil(total / 20), current: 1, limit: 20 });
    expect(body.proposals.every((x) => x.senderId === ids.creator || x.recipientId === ids.creator)).toBe(true);

    const sent = listProposalsResponse.parse((await call(list, `${URL}?status=sent&role=recipient`, { token: tokens.creator })).body);
    expect(sent.proposals.length).toBeGreaterThan(0);
    expect(sent.proposals.every((x) => x.status === "sent" && x.recipientId === ids.creator)).toBe(true);
    expect(sent.pagination.total).toBe(await getDb().proposal.count({ where: { recipientId: ids.creator, status: "sent" } }));

    const mine = listProposalsResponse.parse((await call(list, `${URL}?role=sender`, { token: tokens.creator })).body);
    expect(mine.proposals.every((x) => x.senderId === ids.creator && x.senderName === "Amani Wekesa")).toBe(true);

    const page2 = listProposalsResponse.parse((await call(list, `${URL}?page=2&limit=2`, { token: tokens.creator })).body);
    expect(page2.pagination).toEqual({ total, pages: Math.ceil(total / 2), current: 2, limit: 2 });
    expect(page2.proposals).toHaveLength(2);
    const page1 = listProposalsResponse.parse((await call(list, `${URL}?page=1&limit=2`, { token: tokens.creator })).body);
    expect(page1.proposals.map((x) => x.id)).not.toContain(page2.proposals[0]!.id);
  });

  it("shows names, campaign and amount", async () => {
    const seeded = seedId("proposal:glow-njeri");
    const res = listProposalsResponse.parse((await call(list, `${URL}?status=sent`, { token: tokens.brand2 })).body);
    expect(res.proposals.find((x) => x.id === seeded)).toMatchObject({
      senderId: ids.brand2,
      recipientName: "Njeri Mwangi",
      campaignName: "Nuru Glow Serum Launch",
      compensation: { amount: 1600, currency: "USD" },
    });
  });

  it("answers 400 naming bad query parameters", async () => {
    for (const [query, path] of [
      ["limit=101", "query.limit"],
      ["page=0", "query.page"],
      ["status=archived", "query.status"],
      ["role=creator", "query.role"],
    ]) {
      const res = await call(list, `${URL}?${query}`, { token: tokens.brand });
      expectError(res, 400, "invalid_request");
      expect(fieldPaths(res.body)).toEqual([path]);
    }
  });
});

describe("concurrency", () => {
  it("accepts a proposal exactly once under 20 concurrent accepts", async () => {
    const sent = await createSent("brand", "creator2");
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        call(accept, at(sent.id, "/accept"), { method: "POST", token: tokens.creator2, params: p(sent.id) }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.status === 409))
      expect((r.body as { error: { code: string } }).error.code).toBe("invalid_state");
    expect(await getDb().partnership.count({ where: { proposalId: sent.id } })).toBe(1);
    const partnership = await getDb().partnership.findUniqueOrThrow({
      where: { proposalId: sent.id },
      include: { deliverables: true, payments: true, activity: true },
    });
    expect(partnership.deliverables).toHaveLength(2);
    expect(partnership.payments).toHaveLength(2);
    expect(partnership.activity).toHaveLength(1);
    expect(await getDb().proposalEvent.count({ where: { proposalId: sent.id, action: "accepted" } })).toBe(1);
  });

  it("records one view when the recipient opens a sent proposal many times at once", async () => {
    const sent = await createSent("brand2", "creator2");
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call(getOne, at(sent.id), { token: tokens.creator2, params: p(sent.id) })),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await getDb().proposalEvent.count({ where: { proposalId: sent.id, action: "viewed" } })).toBe(1);
  });

  it("honours Idempotency-Key on accept: the retry replays the first answer", async () => {
    const sent = await createSent("brand2", "creator");
    const headers = { "Idempotency-Key": `accept-${sent.id}` };
    const first = await call(accept, at(sent.id, "/accept"), { method: "POST", token: tokens.creator, params: p(sent.id), headers });
    const retry = await call(accept, at(sent.id, "/accept"), { method: "POST", token: tokens.creator, params: p(sent.id), headers });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await getDb().partnership.count({ where: { proposalId: sent.id } })).toBe(1);
  });
});
