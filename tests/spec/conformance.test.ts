/**
 * Each deviation a client written from the specs once met, checked through the real
 * route handlers. (Sorting by student.name is checked with the sponsorships list, in
 * app/api/v1/partner/partner-core.test.ts; the specs' own examples in spec-examples.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getProposal } from "@/app/api/partnerships/proposals/[proposalId]/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { GET as listProposals, POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { GET as dashboardStats } from "@/app/api/v1/partner/dashboard/stats/route";
import { GET as studentOutcomes } from "@/app/api/v1/partner/impact/student-outcomes/route";
import { GET as getProgram } from "@/app/api/v1/partner/programs/[id]/route";
import { GET as listPayments, POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { GET as getSponsorship } from "@/app/api/v1/partner/sponsorships/[id]/route";
import { GET as listSponsorships, POST as createSponsorships } from "@/app/api/v1/partner/sponsorships/route";
import { getDb } from "@/lib/db";
import { getStudentProfile } from "@/lib/sponsorship/get-student-profile";
import { actorByEmail } from "@/tests/helpers/actors";
import { PROPOSAL_ACTIONS } from "@/lib/partnerships/schemas/proposals";
import { freshCampaign, proposalBody } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { checkDocumentedResponse } from "@/tests/helpers/openapi-responses";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

let partner: string;
let brand: string;
let creator: string;
let brandId: string;
let creatorId: string;

beforeAll(async () => {
  [partner, brand, creator] = await Promise.all(["partner@demo.test", "brand@demo.test", "creator@demo.test"].map(tokenFor));
  brandId = (await getDb().user.findUniqueOrThrow({ where: { email: "brand@demo.test" } })).id;
  creatorId = (await getDb().user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
});

describe("recent milestones link to the student and to what funds them", () => {
  it("names the student, and the sponsorship or else the program, and the links answer 200", async () => {
    const stats = await call(dashboardStats, "/api/v1/partner/dashboard/stats", { token: partner });
    const milestones = stats.body.recent_milestones as Array<{
      student_id: string;
      student_name: string;
      sponsorship_id: string | null;
      program_id: string | null;
    }>;
    const actor = await actorByEmail("partner@demo.test");
    expect(milestones.length).toBeGreaterThan(0);
    expect(milestones.some((m) => m.program_id !== null)).toBe(true);
    for (const milestone of milestones) {
      expect(milestone.sponsorship_id === null ? milestone.program_id : milestone.sponsorship_id, JSON.stringify(milestone)).not.toBeNull();
      // The student it names has a page the partner may open.
      const student = await getStudentProfile({ actor, studentId: milestone.student_id });
      expect(milestone.student_name).toBe(`${student.firstName} ${student.lastName[0]}.`);
      if (milestone.sponsorship_id) {
        expect(milestone.program_id).toBeNull();
        expect((await call(getSponsorship, "/x", { token: partner, params: { id: milestone.sponsorship_id } })).status).toBe(200);
      } else {
        expect((await call(getProgram, "/x", { token: partner, params: { id: milestone.program_id! } })).status).toBe(200);
      }
    }
  });
});

describe("bank transfer references", () => {
  it("lists a bank transfer by the partner's own bank reference, keeping ours beside it", async () => {
    const made = await call(createPayment, "/api/v1/partner/payments", {
      token: partner,
      body: { amount: 150000, method: "bank_transfer", bank_reference: "BT_REF_12345" },
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ reference: "BT_REF_12345", payment_reference: expect.stringMatching(/^BT_\d{8}_[A-Z0-9]{6}$/) });
    const listed = await call(listPayments, "/api/v1/partner/payments?method=bank_transfer&limit=100", { token: partner });
    expect(listed.body.payments.find((p: { id: string }) => p.id === made.body.id)).toMatchObject({
      reference: "BT_REF_12345",
      payment_reference: made.body.payment_reference,
    });
  });

  it("without a bank reference, answers where to send the money and the reference to quote", async () => {
    const made = await call(createPayment, "/api/v1/partner/payments", {
      token: partner,
      body: { amount: 150000, method: "bank_transfer", description: "Q2 2026 program funding" },
    });
    expect(made.status).toBe(201);
    expect(made.body.reference).toBe(made.body.payment_reference);
    expect(made.body.bank_transfer).toMatchObject({
      reference_to_quote: made.body.payment_reference,
      account_number: expect.any(String),
      bank_name: expect.any(String),
      sandbox: true,
    });
  });
});

describe("proposal history", () => {
  it("holds only the spec's six actions: editing a draft is not an event", async () => {
    expect([...PROPOSAL_ACTIONS]).toEqual(["created", "sent", "viewed", "accepted", "countered", "rejected"]);
    const created = await call(createProposal, "/api/partnerships/proposals", {
      token: brand,
      body: proposalBody(creatorId, 100, await freshCampaign(brandId)),
    });
    const { PATCH: patch } = await import("@/app/api/partnerships/proposals/[proposalId]/route");
    await call(patch, "/x", {
      token: brand,
      method: "PATCH",
      params: { proposalId: created.body.id },
      body: { compensation: { amount: 120 } },
    });
    const proposal = await call(getProposal, "/x", { token: brand, params: { proposalId: created.body.id } });
    expect(proposal.body.history.map((h: { action: string }) => h.action)).toEqual(["created"]);
    const actions = await getDb().$queryRaw<Array<{ action: string }>>`SELECT DISTINCT action::text AS action FROM proposal_events`;
    for (const { action } of actions) expect(PROPOSAL_ACTIONS).toContain(action);
  });
});

describe("one unanswered proposal per recipient and campaign", () => {
  it("answers 409 conflict naming the open proposal, at creation and at sending, and allows another campaign", async () => {
    const campaign = await freshCampaign(brandId);
    const first = await call(createProposal, "/api/partnerships/proposals", { token: brand, body: proposalBody(creatorId, 100, campaign) });
    const draft = await call(createProposal, "/api/partnerships/proposals", { token: brand, body: proposalBody(creatorId, 110, campaign) });
    expect(draft.status).toBe(201);
    expect((await call(sendProposal, "/x", { token: brand, method: "POST", params: { proposalId: first.body.id } })).status).toBe(200);

    const again = await call(createProposal, "/api/partnerships/proposals", { token: brand, body: proposalBody(creatorId, 100, campaign) });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "conflict", details: { proposalId: first.body.id } });
    const sendDraft = await call(sendProposal, "/x", { token: brand, method: "POST", params: { proposalId: draft.body.id } });
    expect(sendDraft.status).toBe(409);
    expect((await getDb().proposal.findUniqueOrThrow({ where: { id: draft.body.id } })).status).toBe("draft");

    const other = await call(createProposal, "/api/partnerships/proposals", {
      token: brand,
      body: proposalBody(creatorId, 100, await freshCampaign(brandId)),
    });
    expect(other.status).toBe(201);
  });

  it("lets only one of concurrent sends of duplicate offers through", async () => {
    const campaign = await freshCampaign(brandId);
    const drafts = await Promise.all(
      [1, 2, 3, 4].map(() =>
        call(createProposal, "/api/partnerships/proposals", { token: brand, body: proposalBody(creatorId, 100, campaign) }),
      ),
    );
    const sends = await Promise.all(
      drafts.map((d) => call(sendProposal, "/x", { token: brand, method: "POST", params: { proposalId: d.body.id } })),
    );
    expect(sends.map((s) => s.status).sort()).toEqual([200, 409, 409, 409]);
  });
});

describe("enum-like query parameters", () => {
  it("match without regard to case, and the answer echoes the canonical spelling", async () => {
    const lower = await call(studentOutcomes, "/api/v1/partner/impact/student-outcomes?subject=mathematics&period=YEAR", {
      token: partner,
    });
    expect(lower.status).toBe(200);
    const canonical = await call(studentOutcomes, "/api/v1/partner/impact/student-outcomes?subject=Mathematics&period=year", {
      token: partner,
    });
    expect(lower.body).toEqual(canonical.body);
    expect(lower.body.period).toBe("year");
    expect(lower.body.by_subject.map((s: { subject: string }) => s.subject)).toEqual(["Mathematics"]);

    const sponsorships = await call(listSponsorships, "/api/v1/partner/sponsorships?status=ACTIVE&sort_by=Student_Name&sort_order=ASC", {
      token: partner,
    });
    expect(sponsorships.status).toBe(200);
    expect(sponsorships.body.sponsorships.every((s: { status: string }) => s.status === "active")).toBe(true);
    const proposals = await call(listProposals, "/api/partnerships/proposals?status=SENT&role=Sender", { token: brand });
    expect(proposals.status).toBe(200);
    expect(proposals.body.proposals.every((p: { status: string }) => p.status === "sent")).toBe(true);
    expect((await call(studentOutcomes, "/x?subject=astrology", { token: partner })).status).toBe(422);
  });
});

describe("validation errors", () => {
  it("use the spec's shape and vocabulary: value_error.missing, type_error.*, value_error.*", async () => {
    const res = await call(createSponsorships, "/api/v1/partner/sponsorships", {
      token: partner,
      body: { student_ids: ["not-a-uuid"], type: "gift", amount_per_student: "lots", start_date: "2026-13-40", extra_field: 1 },
    });
    expect(res.status).toBe(422);
    const byField = Object.fromEntries(res.body.detail.map((d: { loc: string[]; type: string }) => [d.loc.join("."), d.type]));
    expect(byField).toMatchObject({
      "body.student_ids.0": "value_error.uuid",
      "body.type": "type_error.enum",
      "body.amount_per_student": "type_error.number",
      "body.end_date": "value_error.missing",
      "body.start_date": "value_error.date",
    });
    for (const item of res.body.detail) expect(Object.keys(item).sort()).toEqual(["loc", "msg", "type"]);

    const bounds = await call(listSponsorships, "/x?page=0&limit=1000", { token: partner });
    const types = Object.fromEntries(bounds.body.detail.map((d: { loc: string[]; type: string }) => [d.loc.join("."), d.type]));
    expect(types).toEqual({ "query.page": "value_error.number.not_ge", "query.limit": "value_error.number.not_le" });

    const malformed = await call(createSponsorships, "/x", { token: partner, rawBody: "{not json" });
    expect(malformed.body.detail).toEqual([{ loc: ["body"], msg: "Malformed JSON", type: "value_error.jsondecode" }]);

    const partnerships = await call(createProposal, "/api/partnerships/proposals", { token: creator, body: {} });
    expect(partnerships.status).toBe(400);
    expect(partnerships.body.error.details.fields.find((f: { path: string }) => f.path === "body.recipientId")).toMatchObject({
      type: "value_error.missing",
    });
  });
});

describe("responses are what the OpenAPI documents say", () => {
  it("refuses an undocumented field, status or media type", async () => {
    const ok = (await call(dashboardStats, "/x", { token: partner })).body;
    await expect(
      checkDocumentedResponse(dashboardStats, { status: 200, contentType: "application/json", body: ok }),
    ).resolves.toBeUndefined();
    await expect(
      checkDocumentedResponse(dashboardStats, { status: 200, contentType: "application/json", body: { ...ok, secret: 1 } }),
    ).rejects.toThrow(/secret/);
    await expect(checkDocumentedResponse(dashboardStats, { status: 201, contentType: "application/json", body: ok })).rejects.toThrow(
      /status is not documented/,
    );
    await expect(checkDocumentedResponse(dashboardStats, { status: 200, contentType: "text/html", body: "<p>" })).rejects.toThrow(
      /media type text\/html/,
    );
  });
});
