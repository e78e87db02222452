import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/authenticate";
import { actorByEmail } from "@/tests/helpers/actors";
import { AppError } from "@/lib/errors";
import { acceptProposal } from "./accept-proposal";
import { counterProposal } from "./counter-proposal";
import { createProposal } from "./create-proposal";
import { getProposalChain } from "./get-proposal-chain";
import { getProposalPartnershipId } from "./get-proposal-partnership-id";
import { sendProposal } from "./send-proposal";
import { createProposalBody } from "./schemas/proposals";
import { freshCampaign } from "@/tests/helpers/escrow";

const actors = {} as Record<"brand" | "creator" | "creator2", Actor>;

beforeAll(async () => {
  for (const who of ["brand", "creator", "creator2"] as const) {
    actors[who] = await actorByEmail(`${who}@demo.test`);
  }
});

/** A proposal body; each gets a campaign of its own, as each test's proposals are separate offers. */
const body = async (recipientId: string, amount: number) =>
  createProposalBody.parse({
    recipientId,
    campaignId: await freshCampaign(actors.brand.id),
    deliverables: [{ type: "instagram_reel", description: "Reel", dueDate: "2027-02-10" }],
    compensation: { amount, currency: "USD" },
    timeline: { startDate: "2027-02-01", endDate: "2027-03-01" },
  });

describe("getProposalChain", () => {
  it("links a proposal to its counter-proposals in order, from any link", async () => {
    const first = await createProposal({ actor: actors.brand, body: await body(actors.creator.id, 1000) });
    await sendProposal({ actor: actors.brand, proposalId: first.id });
    const second = await counterProposal({ actor: actors.creator, proposalId: first.id, body: { compensation: { amount: 1500 } } });
    const third = await counterProposal({ actor: actors.brand, proposalId: second.id, body: { compensation: { amount: 1200 } } });

    for (const id of [first.id, second.id, third.id]) {
      for (const actor of [actors.brand, actors.creator]) {
        const chain = await getProposalChain({ actor, proposalId: id });
        expect(chain.map((link) => link.id)).toEqual([first.id, second.id, third.id]);
      }
    }
    const chain = await getProposalChain({ actor: actors.brand, proposalId: second.id });
    expect(chain.map((link) => link.status)).toEqual(["countered", "countered", "sent"]);
    expect(chain.map((link) => link.amount)).toEqual([1000, 1500, 1200]);
    expect(chain[1].senderName).toBe("Amani Wekesa");
    expect(chain[0].senderName).toBe("Savanna Beverages");
  });

  it("is a chain of one for a proposal nobody countered", async () => {
    const draft = await createProposal({ actor: actors.brand, body: await body(actors.creator.id, 700) });
    expect((await getProposalChain({ actor: actors.brand, proposalId: draft.id })).map((l) => l.id)).toEqual([draft.id]);
  });

  it("hides the chain from a non-party as not found", async () => {
    const draft = await createProposal({ actor: actors.brand, body: await body(actors.creator.id, 700) });
    await expect(getProposalChain({ actor: actors.creator2, proposalId: draft.id })).rejects.toMatchObject({ code: "resource_not_found" });
    await expect(getProposalChain({ actor: actors.creator2, proposalId: "nope" })).rejects.toBeInstanceOf(AppError);
  });

  it("names the partnership an accepted proposal started, and none before", async () => {
    const draft = await createProposal({ actor: actors.brand, body: await body(actors.creator.id, 900) });
    expect(await getProposalPartnershipId({ actor: actors.brand, proposalId: draft.id })).toBeNull();
    await sendProposal({ actor: actors.brand, proposalId: draft.id });
    const { partnership } = await acceptProposal({ actor: actors.creator, proposalId: draft.id });
    expect(await getProposalPartnershipId({ actor: actors.brand, proposalId: draft.id })).toBe(partnership.id);
    expect(await getProposalPartnershipId({ actor: actors.creator, proposalId: draft.id })).toBe(partnership.id);
    await expect(getProposalPartnershipId({ actor: actors.creator2, proposalId: draft.id })).rejects.toMatchObject({
      code: "resource_not_found",
    });
  });
});
