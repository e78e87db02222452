/**
 * OWASP API1 (broken object level authorization): records reach only those they belong
 * to. The probes that once got through: a recipient reading, counting or answering the
 * sender's unsent draft, and answering another partner's simulated M-Pesa prompt.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { POST as counter } from "@/app/api/partnerships/proposals/[proposalId]/counter/route";
import { GET as getProposal } from "@/app/api/partnerships/proposals/[proposalId]/route";
import { GET as listProposals, POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { POST as sandboxPrompt } from "@/app/api/v1/partner/payments/[id]/sandbox-prompt/route";
import { POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { getDb } from "@/lib/db";
import { proposalBody } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

let brand: string;
let creator: string;
let partner: string;
let partner2: string;
let creatorId: string;

beforeAll(async () => {
  [brand, creator, partner, partner2] = await Promise.all(
    ["brand@demo.test", "creator@demo.test", "partner@demo.test", "partner2@demo.test"].map(tokenFor),
  );
  creatorId = (await getDb().user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
});

describe("API1: a draft proposal is its sender's alone", () => {
  it("is 404 to its recipient, not listed or counted for them, and cannot be answered", async () => {
    const draft = await call(createProposal, "/api/partnerships/proposals", { token: brand, body: proposalBody(creatorId, 4321) });
    expect(draft.status).toBe(201);
    const id = draft.body.id as string;

    expect((await call(getProposal, "/x", { token: brand, params: { proposalId: id } })).status).toBe(200);
    const read = await call(getProposal, "/x", { token: creator, params: { proposalId: id } });
    expect(read.status).toBe(404);
    expect(read.body).toEqual({ error: { code: "resource_not_found", message: "Proposal not found", details: {} } });

    const received = await call(listProposals, "/api/partnerships/proposals?role=recipient&status=draft", { token: creator });
    expect(received.body.pagination.total).toBe(0);
    const everything = await call(listProposals, "/api/partnerships/proposals?limit=100", { token: creator });
    expect(everything.body.proposals.map((p: { id: string }) => p.id)).not.toContain(id);
    const visible = await getDb().proposal.count({
      where: { OR: [{ senderId: creatorId }, { recipientId: creatorId, status: { not: "draft" } }] },
    });
    expect(everything.body.pagination.total).toBe(visible);

    const answered = await call(counter, "/x", {
      token: creator,
      params: { proposalId: id },
      body: { compensation: { amount: 1, currency: "USD" } },
    });
    expect(answered.status).toBe(404);
    expect(await getDb().proposal.count({ where: { counterOfId: id } })).toBe(0);
  });
});

describe("API1: a simulated M-Pesa prompt answers only to its own partner", () => {
  it("is 404 to another partner and leaves the payment pending", async () => {
    const made = await call(createPayment, "/api/v1/partner/payments", {
      token: partner,
      body: { amount: 900, method: "mpesa", phone_number: "0712345678" },
    });
    expect(made.status).toBe(201);
    const foreign = await call(sandboxPrompt, "/x", { token: partner2, params: { id: made.body.id }, body: { action: "approve" } });
    expect(foreign.status).toBe(404);
    expect((await getDb().payment.findUniqueOrThrow({ where: { id: made.body.id } })).status).toBe("pending");
  });
});
