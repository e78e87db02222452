/**
 * The permission matrix of the partnerships API: every route, called by every member role
 * of the party organisation whose turn it is (the brand's or the creator's), and by the
 * owner of another organisation of the same kind. The party rules (only the brand pays
 * and releases, only the creator submits) apply to the organisation, so any member may
 * act for it, within their role: a role whose permission covers the route is never
 * refused (no 401 or 403); one it does not cover gets 403 and changes nothing; another
 * organisation finds none of these records (404). The matrix is printed for the record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as contractDocument } from "@/app/api/partnerships/[partnershipId]/contract/document/route";
import { POST as rejectContract } from "@/app/api/partnerships/[partnershipId]/contract/reject/route";
import { GET as getContract, POST as generateContract } from "@/app/api/partnerships/[partnershipId]/contract/route";
import { POST as sendContract } from "@/app/api/partnerships/[partnershipId]/contract/send/route";
import { POST as signContract } from "@/app/api/partnerships/[partnershipId]/contract/sign/route";
import { POST as approveDeliverable } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/approve/route";
import { POST as requestRevision } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/revision/route";
import { GET as getDeliverable } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/route";
import { POST as submitDeliverable } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/submit/route";
import { GET as listDeliverables } from "@/app/api/partnerships/[partnershipId]/deliverables/route";
import { POST as resolveDispute } from "@/app/api/partnerships/[partnershipId]/disputes/[disputeId]/resolve/route";
import { GET as getDispute } from "@/app/api/partnerships/[partnershipId]/disputes/[disputeId]/route";
import { GET as listDisputes, POST as openDispute } from "@/app/api/partnerships/[partnershipId]/disputes/route";
import { POST as cancelPayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/cancel/route";
import { POST as confirmPayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/confirm/route";
import { POST as releasePayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/release/route";
import { GET as getPayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/route";
import { GET as listPayments, POST as initiatePayment } from "@/app/api/partnerships/[partnershipId]/payments/route";
import { GET as getPartnership } from "@/app/api/partnerships/[partnershipId]/route";
import { POST as terminate } from "@/app/api/partnerships/[partnershipId]/terminate/route";
import { GET as getPayoutMethod, PUT as putPayoutMethod } from "@/app/api/partnerships/payout-method/route";
import { POST as acceptProposal } from "@/app/api/partnerships/proposals/[proposalId]/accept/route";
import { POST as counterProposal } from "@/app/api/partnerships/proposals/[proposalId]/counter/route";
import { POST as rejectProposal } from "@/app/api/partnerships/proposals/[proposalId]/reject/route";
import { GET as getProposal, PATCH as updateProposal } from "@/app/api/partnerships/proposals/[proposalId]/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { GET as listProposals, POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { GET as listPartnerships } from "@/app/api/partnerships/route";
import { hashPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import type { MemberRole } from "@/lib/generated/prisma/client";
import { PERMISSION_WORDS, roleAllows, type Permission } from "@/lib/organizations/permissions";
import { freshCampaign, proposalBody, signatureBody } from "@/tests/helpers/escrow";
import { call, DEMO_PASSWORD, tokenFor } from "@/tests/helpers/http";
import {
  activePartnership,
  demoParties,
  fund,
  initiate,
  partnershipBeforeSigning,
  paymentOfType,
  submit,
  submitAndApprove,
  type Parties,
  type StagedPartnership,
} from "@/tests/helpers/termination";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

type Handler = Parameters<typeof call>[0];
type Side = "brand" | "creator";
interface Request {
  url?: string;
  method?: string;
  params?: Record<string, string>;
  body?: unknown;
}
interface Route {
  name: string;
  handler: Handler;
  /** The party whose turn it is; reads are made by the brand's members. */
  side: Side;
  /** "admin": the platform's admins alone, whatever the member's role. */
  permission: Permission | "admin";
  /** The request, made afresh for each caller: a write needs a record of its own to act on. */
  request: (other: boolean) => Promise<Request> | Request;
  /** Names one of the parties' records: another organisation's owner gets 404. */
  record?: boolean;
}

const ROLES: MemberRole[] = ["owner", "admin", "finance", "member", "viewer"];
const tokens = { brand: {}, creator: {} } as Record<Side, Record<MemberRole | "other", string>>;
let parties: Parties;
/** One partnership for the reads, with a funded payment, a submitted deliverable and an open dispute. */
let shared: StagedPartnership;
let sharedProposalId: string;
let sharedDisputeId: string;
let sequence = 0;

async function fixtureMember(side: Side, role: MemberRole) {
  const owner = await getDb().user.findUniqueOrThrow({ where: { email: `${side}@demo.test` } });
  const email = `matrix.${side}.${role}@fixture.test`;
  await getDb().user.create({
    data: {
      email,
      name: `Matrix ${side} ${role}`,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: side,
      organizationId: owner.organizationId,
      memberships: { create: { organizationId: owner.organizationId!, role } },
    },
  });
  return email;
}

beforeAll(async () => {
  parties = await demoParties();
  // The demo's teams: Savanna Beverages has a member and a finance officer, Amani a manager (admin).
  const emails: Record<Side, Record<MemberRole | "other", string>> = {
    brand: {
      owner: "brand@demo.test",
      admin: await fixtureMember("brand", "admin"),
      finance: "accounts@demo.test",
      member: "marketing@demo.test",
      viewer: await fixtureMember("brand", "viewer"),
      other: "brand2@demo.test",
    },
    creator: {
      owner: "creator@demo.test",
      admin: "manager@demo.test",
      finance: await fixtureMember("creator", "finance"),
      member: await fixtureMember("creator", "member"),
      viewer: await fixtureMember("creator", "viewer"),
      other: "creator2@demo.test",
    },
  };
  for (const side of ["brand", "creator"] as const) {
    for (const [role, email] of Object.entries(emails[side])) tokens[side][role as MemberRole] = await tokenFor(email);
  }
  shared = await activePartnership(parties);
  await fund(parties, shared, "initial");
  await submit(parties, shared);
  sharedProposalId = (await getDb().partnership.findUniqueOrThrow({ where: { id: shared.partnershipId } })).proposalId;
  const dispute = await call(openDispute, "/x", {
    token: parties.brand,
    params: { partnershipId: shared.partnershipId },
    body: { paymentId: paymentOfType(shared, "initial").id, reason: "Matrix dispute" },
  });
  expect(dispute.status).toBe(201);
  sharedDisputeId = dispute.body.id;
});

/** A brand → creator proposal made by the brand's owner: a draft, or sent. */
async function proposal(stage: "draft" | "sent"): Promise<string> {
  const created = await call(createProposal, "/x", {
    token: parties.brand,
    body: proposalBody(parties.creatorId, 100, await freshCampaign(parties.brandId)),
  });
  expect(created.status).toBe(201);
  if (stage === "sent")
    expect((await call(sendProposal, "/x", { token: parties.brand, params: { proposalId: created.body.id } })).status).toBe(200);
  return created.body.id;
}

const onShared = (extra: Record<string, string> = {}) => ({ partnershipId: shared.partnershipId, ...extra });
const read = (name: string, handler: Handler, params: () => Record<string, string>, side: Side = "brand"): Route => ({
  name,
  handler,
  side,
  permission: "read",
  request: () => ({ params: params() }),
  record: true,
});

const ROUTES: Route[] = [
  {
    name: "GET /partnerships",
    handler: listPartnerships,
    side: "brand",
    permission: "read",
    request: () => ({ url: "/api/partnerships" }),
  },
  {
    name: "GET /proposals",
    handler: listProposals,
    side: "brand",
    permission: "read",
    request: () => ({ url: "/api/partnerships/proposals" }),
  },
  read("GET /proposals/{id}", getProposal, () => ({ proposalId: sharedProposalId })),
  read("GET /partnerships/{id}", getPartnership, () => onShared()),
  read("GET /{id}/contract", getContract, () => onShared()),
  read("GET /{id}/contract/document", contractDocument, () => onShared()),
  read("GET /{id}/deliverables", listDeliverables, () => onShared()),
  read("GET /{id}/deliverables/{id}", getDeliverable, () => onShared({ deliverableId: shared.deliverableId })),
  read("GET /{id}/payments", listPayments, () => onShared()),
  read("GET /{id}/payments/{id}", getPayment, () => onShared({ paymentId: paymentOfType(shared, "initial").id })),
  read("GET /{id}/disputes", listDisputes, () => onShared()),
  read("GET /{id}/disputes/{id}", getDispute, () => onShared({ disputeId: sharedDisputeId })),
  { name: "GET /payout-method", handler: getPayoutMethod, side: "creator", permission: "read", request: () => ({}) },
  {
    name: "POST /proposals",
    handler: createProposal,
    side: "brand",
    permission: "work",
    request: async () => ({ body: proposalBody(parties.creatorId, 100, await freshCampaign(parties.brandId)) }),
  },
  {
    name: "PATCH /proposals/{id}",
    handler: updateProposal,
    side: "brand",
    permission: "work",
    record: true,
    request: async () => ({
      method: "PATCH",
      params: { proposalId: await proposal("draft") },
      body: { compensation: { amount: 120, currency: "USD" } },
    }),
  },
  {
    name: "POST /proposals/{id}/send",
    handler: sendProposal,
    side: "brand",
    permission: "work",
    record: true,
    request: async () => ({ params: { proposalId: await proposal("draft") } }),
  },
  {
    name: "POST /proposals/{id}/accept",
    handler: acceptProposal,
    side: "creator",
    permission: "work",
    record: true,
    request: async () => ({ params: { proposalId: await proposal("sent") } }),
  },
  {
    name: "POST /proposals/{id}/counter",
    handler: counterProposal,
    side: "creator",
    permission: "work",
    record: true,
    request: async () => {
      const { deliverables, compensation, timeline, terms } = proposalBody(parties.brandId, 150);
      return { params: { proposalId: await proposal("sent") }, body: { deliverables, compensation, timeline, terms } };
    },
  },
  {
    name: "POST /proposals/{id}/reject",
    handler: rejectProposal,
    side: "creator",
    permission: "work",
    record: true,
    request: async () => ({ params: { proposalId: await proposal("sent") }, body: { reason: "Not this season" } }),
  },
  {
    name: "POST /{id}/contract",
    handler: generateContract,
    side: "brand",
    permission: "work",
    record: true,
    request: async () => ({ params: { partnershipId: (await partnershipBeforeSigning(parties, "accepted")).partnershipId } }),
  },
  {
    name: "POST /{id}/contract/send",
    handler: sendContract,
    side: "brand",
    permission: "work",
    record: true,
    request: async () => {
      const { partnershipId } = await partnershipBeforeSigning(parties, "accepted");
      expect((await call(generateContract, "/x", { token: parties.brand, params: { partnershipId } })).status).toBe(201);
      return { params: { partnershipId } };
    },
  },
  ...(
    [
      ["POST /{id}/contract/sign", signContract, signatureBody("Matrix Signer")],
      ["POST /{id}/contract/reject", rejectContract, { reason: "Terms do not suit us" }],
    ] as const
  ).map(([name, handler, body]): Route => ({
    name,
    handler,
    side: "creator",
    permission: "manage",
    record: true,
    request: async () => {
      const { partnershipId } = await partnershipBeforeSigning(parties, "accepted");
      expect((await call(generateContract, "/x", { token: parties.brand, params: { partnershipId } })).status).toBe(201);
      expect((await call(sendContract, "/x", { token: parties.brand, params: { partnershipId } })).status).toBe(200);
      return { params: { partnershipId }, body };
    },
  })),
  {
    name: "POST /{id}/deliverables/{id}/submit",
    handler: submitDeliverable,
    side: "creator",
    permission: "work",
    record: true,
    request: async () => {
      const p = await activePartnership(parties);
      return {
        params: { partnershipId: p.partnershipId, deliverableId: p.deliverableId },
        body: { submissionUrl: "https://instagram.com/p/matrix" },
      };
    },
  },
  ...(
    [
      ["POST /{id}/deliverables/{id}/approve", approveDeliverable, {}],
      ["POST /{id}/deliverables/{id}/revision", requestRevision, { feedback: "Show the label" }],
    ] as const
  ).map(([name, handler, body]): Route => ({
    name,
    handler,
    side: "brand",
    permission: "work",
    record: true,
    request: async () => {
      const p = await activePartnership(parties);
      await submit(parties, p);
      return { params: { partnershipId: p.partnershipId, deliverableId: p.deliverableId }, body };
    },
  })),
  {
    name: "POST /{id}/payments",
    handler: initiatePayment,
    side: "brand",
    permission: "finance",
    record: true,
    request: async () => {
      const p = await activePartnership(parties);
      return {
        params: { partnershipId: p.partnershipId },
        body: { type: "initial", amount: paymentOfType(p, "initial").amount, currency: "USD" },
      };
    },
  },
  ...(
    [
      ["POST /{id}/payments/{id}/confirm", confirmPayment],
      ["POST /{id}/payments/{id}/cancel", cancelPayment],
    ] as const
  ).map(([name, handler]): Route => ({
    name,
    handler,
    side: "brand",
    permission: "finance",
    record: true,
    request: async () => {
      const p = await activePartnership(parties);
      await initiate(parties, p, "initial");
      return { params: { partnershipId: p.partnershipId, paymentId: paymentOfType(p, "initial").id }, body: {} };
    },
  })),
  {
    name: "POST /{id}/payments/{id}/release",
    handler: releasePayment,
    side: "brand",
    permission: "finance",
    record: true,
    request: async () => {
      const p = await activePartnership(parties);
      await fund(parties, p, "final");
      await submitAndApprove(parties, p);
      return { params: { partnershipId: p.partnershipId, paymentId: paymentOfType(p, "final").id }, body: {} };
    },
  },
  {
    name: "POST /{id}/disputes",
    handler: openDispute,
    side: "brand",
    permission: "work",
    record: true,
    request: async () => {
      const p = await activePartnership(parties);
      await fund(parties, p, "initial");
      return {
        params: { partnershipId: p.partnershipId },
        body: { paymentId: paymentOfType(p, "initial").id, reason: `Matrix ${sequence++}` },
      };
    },
  },
  {
    name: "POST /{id}/disputes/{id}/resolve",
    handler: resolveDispute,
    side: "brand",
    permission: "admin",
    request: () => ({ params: onShared({ disputeId: sharedDisputeId }), body: { outcome: "refund", note: "Matrix" } }),
  },
  {
    name: "POST /{id}/terminate",
    handler: terminate,
    side: "brand",
    permission: "manage",
    record: true,
    request: async () => ({
      params: { partnershipId: (await activePartnership(parties)).partnershipId },
      body: { reason: "Matrix ends it" },
    }),
  },
  {
    name: "PUT /payout-method",
    handler: putPayoutMethod,
    side: "creator",
    permission: "finance",
    // Each organisation sets the method it has already, so the demo's payouts stay as they are.
    request: async (other) => {
      const userId = other ? (await getDb().user.findUniqueOrThrow({ where: { email: "creator2@demo.test" } })).id : parties.creatorId;
      const profile = await getDb().creatorProfile.findUniqueOrThrow({ where: { userId } });
      return {
        method: "PUT",
        body: {
          method: profile.payoutMethod,
          country: profile.payoutCountry,
          mpesaPhone: profile.mpesaPhone ?? undefined,
          ...(profile.payoutMethod === "stripe" ? { stripeAccountId: profile.stripeAccountId } : {}),
        },
      };
    },
  },
];

const methodOf = (route: Route) => route.name.split(" ")[0]!;
const results: Record<string, Record<string, number>> = {};

afterAll(() => {
  const header = ["route", "side", "permission", ...ROLES, "other org"];
  const rows = ROUTES.map((route) => [
    route.name,
    route.side,
    route.permission,
    ...ROLES.map((r) => results[route.name]?.[r] ?? "-"),
    results[route.name]?.other ?? "-",
  ]);
  console.log([header, ...rows].map((row) => row.join(" | ")).join("\n"));
});

describe("the partnerships permission matrix", () => {
  it.each(ROUTES.map((route) => [route.name, route] as const))("%s", { timeout: 120_000 }, async (name, route) => {
    results[name] = {};
    for (const role of ROLES) {
      const request = await route.request(false);
      const res = await call(route.handler, request.url ?? "/x", { token: tokens[route.side][role], method: methodOf(route), ...request });
      results[name][role] = res.status;
      if (route.permission === "admin") {
        expect(res.status, `${name} as ${role}`).toBe(403);
      } else if (roleAllows(role, route.permission)) {
        expect(res.status, `${name} as ${role}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      } else {
        expect(res.status, `${name} as ${role}`).toBe(403);
        expect(res.body.error.message).toBe(`Your role (${role}) cannot ${PERMISSION_WORDS[route.permission]}`);
      }
    }
    // Another organisation of the same kind finds none of these records.
    const request = await route.request(true);
    const res = await call(route.handler, request.url ?? "/x", { token: tokens[route.side].other, method: methodOf(route), ...request });
    results[name].other = res.status;
    if (route.permission === "admin") expect(res.status).toBe(403);
    else if (route.record) expect(res.status, `${name} as another organisation's owner`).toBe(404);
    else expect([401, 403]).not.toContain(res.status);
  });

  it("lets a team member act for the organisation: the proposal is the brand's, the history names the member", async () => {
    const created = await call(createProposal, "/x", {
      token: tokens.brand.member,
      body: proposalBody(parties.creatorId, 100, await freshCampaign(parties.brandId)),
    });
    expect(created.status).toBe(201);
    const stored = await getDb().proposal.findUniqueOrThrow({
      where: { id: created.body.id },
      include: { history: { include: { user: true } } },
    });
    expect(stored.senderId).toBe(parties.brandId);
    expect(stored.history[0]!.user.email).toBe("marketing@demo.test");
    // The creator's owner sees it once sent, and the brand's owner sees the member's draft.
    expect((await call(getProposal, "/x", { token: parties.brand, params: { proposalId: stored.id } })).status).toBe(200);
    expect((await call(getProposal, "/x", { token: parties.creator, params: { proposalId: stored.id } })).status).toBe(404);
  });
});
