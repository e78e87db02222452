/**
 * The spec's "Complete Partnership Creation" workflow, end to end through the route
 * handlers (sandbox payments), checking every status along the way; then a
 * table-driven check of who may call what.
 */
process.env.RATE_LIMIT_PER_MINUTE = "100000";

import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { freshCampaign } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { pdfText } from "@/tests/helpers/pdf-text";
import { GET as getPartnership } from "./[partnershipId]/route";
import { GET as getContract, POST as generateContract } from "./[partnershipId]/contract/route";
import { GET as contractDocument } from "./[partnershipId]/contract/document/route";
import { POST as rejectContract } from "./[partnershipId]/contract/reject/route";
import { POST as sendContract } from "./[partnershipId]/contract/send/route";
import { POST as signContract } from "./[partnershipId]/contract/sign/route";
import { GET as listDeliverables } from "./[partnershipId]/deliverables/route";
import { GET as getDeliverable } from "./[partnershipId]/deliverables/[deliverableId]/route";
import { POST as approveDeliverable } from "./[partnershipId]/deliverables/[deliverableId]/approve/route";
import { POST as requestRevision } from "./[partnershipId]/deliverables/[deliverableId]/revision/route";
import { POST as submitDeliverable } from "./[partnershipId]/deliverables/[deliverableId]/submit/route";
import { GET as listPayments, POST as initiatePayment } from "./[partnershipId]/payments/route";
import { GET as getPayment } from "./[partnershipId]/payments/[paymentId]/route";
import { POST as confirmPayment } from "./[partnershipId]/payments/[paymentId]/confirm/route";
import { POST as releasePayment } from "./[partnershipId]/payments/[paymentId]/release/route";
import { GET as listProposals, POST as createProposal } from "./proposals/route";
import { GET as getProposal, PATCH as updateProposal } from "./proposals/[proposalId]/route";
import { POST as acceptProposal } from "./proposals/[proposalId]/accept/route";
import { POST as counterProposal } from "./proposals/[proposalId]/counter/route";
import { POST as rejectProposal } from "./proposals/[proposalId]/reject/route";
import { POST as sendProposal } from "./proposals/[proposalId]/send/route";
import { GET as listPartnerships } from "./route";

type Actor = "brand" | "creator" | "otherBrand" | "otherCreator" | "partner" | "none";
const tokens: Partial<Record<Actor, string>> = {};
let creatorId: string;
let brandId: string;

beforeAll(async () => {
  const [brand, creator, otherBrand, otherCreator, partner] = await Promise.all(
    ["brand@demo.test", "creator@demo.test", "brand2@demo.test", "creator2@demo.test", "partner@demo.test"].map(tokenFor),
  );
  Object.assign(tokens, { brand, creator, otherBrand, otherCreator, partner });
  creatorId = (await getDb().user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
  brandId = (await getDb().user.findUniqueOrThrow({ where: { email: "brand@demo.test" } })).id;
});

const proposalBody = (campaignId: string) => ({
  recipientId: creatorId,
  campaignId,
  deliverables: [
    { type: "instagram_post", description: "Launch post", dueDate: "2027-02-01T00:00:00Z", requirements: "Tag the brand" },
    { type: "tiktok_video", description: "30-second review", dueDate: "2027-02-15T00:00:00Z" },
  ],
  compensation: { amount: 1500, currency: "USD", paymentSchedule: "50% upfront, 50% on completion" },
  timeline: { startDate: "2027-01-15T00:00:00Z", endDate: "2027-03-01T00:00:00Z" },
  terms: { contentRights: "Brand may repost for 12 months", exclusivity: "None", revisions: "Two rounds" },
});

/** The typed name and consent a signature needs. */
const signature = (fullName: string) => ({ fullName, consent: true });

/** Brand → creator proposal taken through `until` with the real handlers; returns the ids. */
async function buildUp(until: "draft" | "sent" | "partnership" | "drafted" | "contract" | "signed" | "funded" | "submitted") {
  const brand = tokens.brand!;
  const creator = tokens.creator!;
  const created = await call(createProposal, "/api/partnerships/proposals", {
    token: brand,
    body: proposalBody(await freshCampaign(brandId)),
  });
  expect(created.status).toBe(201);
  const proposalId = created.body.id as string;
  const ids: Record<string, string> = { proposalId };
  if (until === "draft") return ids;
  expect((await call(sendProposal, "/x", { token: brand, params: { proposalId } })).status).toBe(200);
  if (until === "sent") return ids;
  const accepted = await call(acceptProposal, "/x", { token: creator, params: { proposalId } });
  expect(accepted.status).toBe(200);
  const partnershipId = accepted.body.partnership.id as string;
  Object.assign(ids, { partnershipId });
  const payments = (await call(listPayments, "/x", { token: brand, params: { partnershipId } })).body.payments;
  ids.initialPaymentId = payments.find((p: { type: string }) => p.type === "initial").id;
  ids.finalPaymentId = payments.find((p: { type: string }) => p.type === "final").id;
  ids.deliverableId = (await call(listDeliverables, "/x", { token: brand, params: { partnershipId } })).body.deliverables[0].id;
  if (until === "partnership") return ids;
  expect((await call(generateContract, "/x", { token: brand, params: { partnershipId } })).status).toBe(201);
  if (until === "drafted") return ids;
  expect((await call(sendContract, "/x", { token: brand, params: { partnershipId }, method: "POST" })).status).toBe(200);
  if (until === "contract") return ids;
  expect((await call(signContract, "/x", { token: creator, params: { partnershipId }, body: signature("Amani Otieno") })).status).toBe(200);
  expect((await call(signContract, "/x", { token: brand, params: { partnershipId }, body: signature("Grace Mwangi") })).status).toBe(200);
  if (until === "signed") return ids;
  const initiated = await call(initiatePayment, "/x", {
    token: brand,
    params: { partnershipId },
    body: { type: "initial", amount: 750, currency: "USD" },
  });
  expect(initiated.status).toBe(201);
  expect((await call(confirmPayment, "/x", { token: brand, params: { partnershipId, paymentId: ids.initialPaymentId } })).status).toBe(200);
  if (until === "funded") return ids;
  const submitted = await call(submitDeliverable, "/x", {
    token: creator,
    params: { partnershipId, deliverableId: ids.deliverableId },
    body: { submissionUrl: "https://instagram.com/p/abc123" },
  });
  expect(submitted.status).toBe(200);
  return ids;
}

describe("Complete Partnership Creation (spec workflow)", () => {
  it("runs all nine steps with the statuses the lifecycle promises", async () => {
    const brand = tokens.brand!;
    const creator = tokens.creator!;
    const status = async (partnershipId: string) => (await call(getPartnership, "/x", { token: creator, params: { partnershipId } })).body;

    // 1. Brand creates a proposal.
    const created = await call(createProposal, "/api/partnerships/proposals", {
      token: brand,
      body: proposalBody(await freshCampaign(brandId)),
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe("draft");
    const proposalId = created.body.id;

    // 2. Brand sends it.
    const sent = await call(sendProposal, "/x", { token: brand, params: { proposalId } });
    expect(sent.body.status).toBe("sent");

    // 3. Creator accepts: the partnership exists with its deliverables and payment schedule.
    const accepted = await call(acceptProposal, "/x", { token: creator, params: { proposalId } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposal.status).toBe("accepted");
    expect(accepted.body.partnership.status).toBe("active");
    const partnershipId = accepted.body.partnership.id;
    const partnership = await status(partnershipId);
    expect(partnership.deliverables.map((d: { status: string }) => d.status)).toEqual(["pending", "pending"]);
    expect(
      partnership.compensation.payments.map((p: { type: string; amount: number; status: string }) => [p.type, p.amount, p.status]),
    ).toEqual([
      ["initial", 750, "pending"],
      ["final", 750, "pending"],
    ]);
    expect(partnership.contractId).toBeNull();

    // 4. Generate the contract (a draft) and send it for signature.
    const contract = await call(generateContract, "/x", { token: brand, params: { partnershipId } });
    expect(contract.status).toBe(201);
    expect(contract.body.status).toBe("draft");
    expect((await status(partnershipId)).contractStatus).toBe("draft");
    const sentContract = await call(sendContract, "/x", { token: brand, params: { partnershipId }, method: "POST" });
    expect(sentContract.body.status).toBe("sent");
    const pdf = await contractDocument(
      new (await import("next/server")).NextRequest(new URL(`http://localhost${contract.body.documentUrl}`), {
        headers: { authorization: `Bearer ${creator}` },
      }),
      { params: Promise.resolve({ partnershipId }) },
    );
    expect(pdf.status).toBe(200);
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 4).toString()).toBe("%PDF");
    const contractText = await pdfText(pdfBytes);
    for (const expected of ["Content Partnership Agreement", "Payment schedule", "$750.00"]) expect(contractText).toContain(expected);

    // 6 before 5 is refused: no payment until the contract is active.
    const early = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "initial", amount: 750, currency: "USD" },
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe("invalid_state");

    // 5. Both parties sign.
    const first = await call(signContract, "/x", {
      token: creator,
      params: { partnershipId },
      body: signature("Amani Otieno"),
      headers: { "x-client-address": "203.0.113.7" },
    });
    expect(first.body.status).toBe("signed_creator");
    const second = await call(signContract, "/x", { token: brand, params: { partnershipId }, body: signature("Grace Mwangi") });
    expect(second.body.status).toBe("active");
    expect(second.body.signedDocumentSha256).toMatch(/^[0-9a-f]{64}$/);
    // A second signature by the same side (a tab left open before it signed) is refused and changes nothing.
    const again = await call(signContract, "/x", { token: brand, params: { partnershipId }, body: signature("Grace Mwangi") });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("The brand has already signed this contract");
    const signed = await call(getContract, "/x", { token: brand, params: { partnershipId } });
    expect(signed.body.signatories.find((s: { role: string }) => s.role === "creator").ipAddress).toBe("203.0.113.7");

    // 6. Brand initiates the initial payment; the sandbox confirms it into escrow.
    const initiated = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "initial", amount: 750, currency: "USD" },
    });
    expect(initiated.status).toBe(201);
    expect(initiated.body.payment.status).toBe("pending");
    expect(initiated.body.paymentIntent.sandbox).toBe(true);
    expect(initiated.body.paymentIntent.clientSecret).toMatch(/_secret_/);
    const initialId = initiated.body.payment.id;
    const funded = await call(confirmPayment, "/x", { token: brand, params: { partnershipId, paymentId: initialId } });
    expect(funded.body.status).toBe("in_progress");
    const releasedInitial = await call(releasePayment, "/x", { token: brand, params: { partnershipId, paymentId: initialId } });
    expect(releasedInitial.body.status).toBe("completed");

    // 7. Creator submits each deliverable; 8. brand approves (one revision on the way).
    const deliverables = (await call(listDeliverables, "/x", { token: creator, params: { partnershipId } })).body.deliverables;
    for (const [i, deliverable] of deliverables.entries()) {
      const params = { partnershipId, deliverableId: deliverable.id };
      const submitted = await call(submitDeliverable, "/x", {
        token: creator,
        params,
        body: { submissionUrl: `https://example.com/post/${i}` },
      });
      expect(submitted.body.status).toBe("submitted");
      if (i === 0) {
        const revision = await call(requestRevision, "/x", { token: brand, params, body: { feedback: "Please show the logo" } });
        expect(revision.body.status).toBe("in_progress");
        expect(revision.body.feedback).toBe("Please show the logo");
        const again = await call(submitDeliverable, "/x", {
          token: creator,
          params,
          body: { submissionUrl: "https://example.com/post/0-v2" },
        });
        expect(again.body.status).toBe("submitted");
      }
      const approved = await call(approveDeliverable, "/x", { token: brand, params, body: {} });
      expect(approved.body.status).toBe("approved");
    }

    // 9. Brand funds and releases the final payment; the partnership completes.
    const final = await call(initiatePayment, "/x", {
      token: brand,
      params: { partnershipId },
      body: { type: "final", amount: 750, currency: "USD" },
    });
    expect(final.status).toBe(201);
    await call(confirmPayment, "/x", { token: brand, params: { partnershipId, paymentId: final.body.payment.id } });
    const released = await call(releasePayment, "/x", { token: brand, params: { partnershipId, paymentId: final.body.payment.id } });
    expect(released.status).toBe(200);
    expect(released.body.status).toBe("completed");
    expect(released.body.paidAt).not.toBeNull();

    const done = await status(partnershipId);
    expect(done.status).toBe("completed");
    expect(done.activity.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining([
        "proposal_accepted",
        "contract_generated",
        "contract_sent",
        "contract_signed",
        "contract_activated",
        "payment_initiated",
        "payment_funded",
        "deliverable_submitted",
        "deliverable_approved",
        "payment_released",
        "partnership_completed",
      ]),
    );
    const history = (await call(getProposal, "/x", { token: brand, params: { proposalId } })).body.history.map(
      (h: { action: string }) => h.action,
    );
    expect(history).toEqual(expect.arrayContaining(["created", "sent", "accepted"]));
  });
});

/** Expected status per actor; anything not listed for a party is the "other side" answer. */
type Row = {
  name: string;
  stage: Parameters<typeof buildUp>[0];
  handler: (request: any, context: any) => Promise<Response>;
  params: (ids: Record<string, string>) => Record<string, string>;
  body?: unknown;
  expect: Record<Actor, number>;
  /** The two parties' order, when both may act and the second meets the first's result. */
  partiesOrder?: Actor[];
};

const read = { brand: 200, creator: 200, otherBrand: 404, otherCreator: 404, partner: 403, none: 401 };
const brandOnly = (ok: number) => ({ brand: ok, creator: 403, otherBrand: 404, otherCreator: 404, partner: 403, none: 401 });
const creatorOnly = (ok: number) => ({ brand: 403, creator: ok, otherBrand: 404, otherCreator: 404, partner: 403, none: 401 });
/** A draft is its sender's alone: its recipient is treated as a stranger to it. */
const senderOfDraft = (ok: number) => ({ ...brandOnly(ok), creator: 404 });
const p = (ids: Record<string, string>) => ({ partnershipId: ids.partnershipId });

const table: Row[] = [
  { name: "GET proposal", stage: "sent", handler: getProposal, params: (ids) => ({ proposalId: ids.proposalId }), expect: read },
  {
    name: "PATCH proposal (sender)",
    stage: "draft",
    handler: updateProposal,
    params: (ids) => ({ proposalId: ids.proposalId }),
    body: { terms: { revisions: "One round" } },
    expect: senderOfDraft(200),
  },
  {
    name: "send proposal (sender)",
    stage: "draft",
    handler: sendProposal,
    params: (ids) => ({ proposalId: ids.proposalId }),
    expect: senderOfDraft(200),
  },
  {
    name: "accept proposal (recipient)",
    stage: "sent",
    handler: acceptProposal,
    params: (ids) => ({ proposalId: ids.proposalId }),
    expect: creatorOnly(200),
  },
  {
    name: "counter proposal (recipient)",
    stage: "sent",
    handler: counterProposal,
    params: (ids) => ({ proposalId: ids.proposalId }),
    body: { compensation: { amount: 1800, currency: "USD" } },
    expect: creatorOnly(201),
  },
  {
    name: "reject proposal (recipient)",
    stage: "sent",
    handler: rejectProposal,
    params: (ids) => ({ proposalId: ids.proposalId }),
    body: { reason: "Busy" },
    expect: creatorOnly(200),
  },
  { name: "GET partnership", stage: "partnership", handler: getPartnership, params: p, expect: read },
  {
    name: "generate contract (either party)",
    stage: "partnership",
    handler: generateContract,
    params: p,
    expect: { ...read, creator: 201, brand: 409 },
    partiesOrder: ["creator", "brand"],
  },
  { name: "GET contract", stage: "contract", handler: getContract, params: p, expect: read },
  { name: "GET contract document", stage: "contract", handler: contractDocument, params: p, expect: read },
  {
    name: "send contract (either party)",
    stage: "drafted",
    handler: sendContract,
    params: p,
    expect: { ...read, creator: 200, brand: 409 },
    partiesOrder: ["creator", "brand"],
  },
  {
    name: "sign contract (each party)",
    stage: "contract",
    handler: signContract,
    params: p,
    body: signature("Some Body"),
    expect: { ...read },
  },
  {
    name: "reject contract (either party)",
    stage: "contract",
    handler: rejectContract,
    params: p,
    body: { reason: "Not for us" },
    expect: { ...read, creator: 200, brand: 409 },
    partiesOrder: ["creator", "brand"],
  },
  { name: "GET deliverables", stage: "partnership", handler: listDeliverables, params: p, expect: read },
  {
    name: "GET deliverable",
    stage: "partnership",
    handler: getDeliverable,
    params: (ids) => ({ ...p(ids), deliverableId: ids.deliverableId }),
    expect: read,
  },
  {
    name: "submit deliverable (creator)",
    stage: "signed",
    handler: submitDeliverable,
    params: (ids) => ({ ...p(ids), deliverableId: ids.deliverableId }),
    body: { submissionUrl: "https://example.com/x" },
    expect: creatorOnly(200),
  },
  {
    name: "approve deliverable (brand)",
    stage: "submitted",
    handler: approveDeliverable,
    params: (ids) => ({ ...p(ids), deliverableId: ids.deliverableId }),
    body: {},
    expect: brandOnly(200),
  },
  {
    name: "request revision (brand)",
    stage: "submitted",
    handler: requestRevision,
    params: (ids) => ({ ...p(ids), deliverableId: ids.deliverableId }),
    body: { feedback: "More light" },
    expect: brandOnly(200),
  },
  { name: "GET payments", stage: "partnership", handler: listPayments, params: p, expect: read },
  {
    name: "GET payment",
    stage: "partnership",
    handler: getPayment,
    params: (ids) => ({ ...p(ids), paymentId: ids.initialPaymentId }),
    expect: read,
  },
  {
    name: "initiate payment (brand)",
    stage: "signed",
    handler: initiatePayment,
    params: p,
    body: { type: "initial", amount: 750, currency: "USD" },
    expect: brandOnly(201),
  },
  {
    name: "confirm sandbox payment (brand)",
    stage: "signed",
    handler: confirmPayment,
    params: (ids) => ({ ...p(ids), paymentId: ids.initialPaymentId }),
    expect: brandOnly(409),
  },
  {
    name: "release payment (brand)",
    stage: "funded",
    handler: releasePayment,
    params: (ids) => ({ ...p(ids), paymentId: ids.initialPaymentId }),
    expect: brandOnly(200),
  },
];

describe("who may call what", () => {
  it.each(table)("$name", async (row) => {
    const ids = await buildUp(row.stage);
    // Those who may not act go first, so that the allowed call meets the state the row set up.
    const parties =
      row.partiesOrder ??
      (["creator", "brand"] as Actor[]).sort((a, b) => (row.expect[a] >= 400 ? -1 : 0) - (row.expect[b] >= 400 ? -1 : 0));
    const order: Actor[] = ["none", "partner", "otherBrand", "otherCreator", ...parties];
    for (const actor of order) {
      const res = await call(row.handler, "/x", {
        token: tokens[actor as Exclude<Actor, "none">],
        params: row.params(ids),
        body: row.body,
        method: row.body === undefined && row.handler.name !== "POST" ? undefined : "POST",
      });
      expect(res.status, `${row.name} as ${actor}`).toBe(row.expect[actor]);
      if (res.status >= 400 && typeof res.body === "object") {
        expect(res.body.error.code).toBe(
          { 401: "authentication_required", 403: "insufficient_permissions", 404: "resource_not_found", 409: "invalid_state" }[
            res.status as 401
          ],
        );
      }
    }
  });

  it("lists show only the caller's own proposals and partnerships", async () => {
    const ids = await buildUp("partnership");
    const brandList = (await call(listPartnerships, "/api/partnerships?limit=100", { token: tokens.brand })).body.partnerships.map(
      (x: { id: string }) => x.id,
    );
    const otherList = (await call(listPartnerships, "/api/partnerships?limit=100", { token: tokens.otherBrand })).body.partnerships.map(
      (x: { id: string }) => x.id,
    );
    expect(brandList).toContain(ids.partnershipId);
    expect(otherList).not.toContain(ids.partnershipId);
    const proposals = (
      await call(listProposals, "/api/partnerships/proposals?limit=100", { token: tokens.otherCreator })
    ).body.proposals.map((x: { id: string }) => x.id);
    expect(proposals).not.toContain(ids.proposalId);
    expect((await call(listPartnerships, "/api/partnerships", { token: tokens.partner })).status).toBe(403);
    expect((await call(listProposals, "/api/partnerships/proposals")).status).toBe(401);
  });
});
