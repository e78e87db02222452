import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { actorByEmail } from "@/tests/helpers/actors";
import { proposalBody } from "@/tests/helpers/escrow";
import { createProposal } from "./create-proposal";
import { createProposalBody } from "./schemas/proposals";
import { unfinishedProposalFields } from "./schemas/unfinished-proposals";
import { discardUnfinishedProposal, getUnfinishedProposal, listUnfinishedProposals, saveUnfinishedProposal } from "./unfinished-proposals";

let brand: Actor, brandMember: Actor, otherBrand: Actor, creator: Actor;
beforeAll(async () => {
  [brand, brandMember, otherBrand, creator] = await Promise.all(
    ["brand@demo.test", "marketing@demo.test", "brand2@demo.test", "creator@demo.test"].map(actorByEmail),
  );
});

const fields = (description: string, recipientId = "") =>
  unfinishedProposalFields.parse({ recipientId, deliverables: [{ description }], currency: "USD" });

describe("unfinished proposals", () => {
  it("keeps what was typed for the sender's party, and ends when the proposal is saved", async () => {
    const { id } = await saveUnfinishedProposal({ actor: brandMember, body: { fields: fields("Street food reel", creator.partyId) } });
    // The brand's team shares it: the owner lists, reads and updates it.
    const listed = (await listUnfinishedProposals({ actor: brand })).find((u) => u.id === id);
    expect(listed).toMatchObject({ title: "Street food reel", recipient: creator.name });
    await saveUnfinishedProposal({
      actor: brand,
      body: { id, fields: { ...fields("Street food reel, take 2", creator.partyId), amount: "300" } },
    });
    expect((await getUnfinishedProposal({ actor: brand, id })).fields).toMatchObject({
      amount: "300",
      deliverables: [{ description: "Street food reel, take 2" }],
    });

    // Nobody else reads, changes or discards it.
    await expect(getUnfinishedProposal({ actor: otherBrand, id })).rejects.toMatchObject({ status: 404 });
    await expect(saveUnfinishedProposal({ actor: otherBrand, body: { id, fields: fields("mine now") } })).rejects.toMatchObject({
      status: 404,
    });
    await expect(discardUnfinishedProposal({ actor: creator, id })).rejects.toMatchObject({ status: 404 });
    expect((await listUnfinishedProposals({ actor: otherBrand })).some((u) => u.id === id)).toBe(false);

    // Saved as a proposal draft, it is gone in the same transaction.
    const body = createProposalBody.parse(proposalBody(creator.partyId, 300));
    const draft = await createProposal({ actor: brand, body, fromUnfinishedId: id });
    expect(draft.status).toBe("draft");
    expect(await getDb().unfinishedProposal.count({ where: { id } })).toBe(0);
  });

  it("is discarded only by its party", async () => {
    const { id } = await saveUnfinishedProposal({ actor: brand, body: { fields: fields("To throw away") } });
    await discardUnfinishedProposal({ actor: brandMember, id });
    await expect(getUnfinishedProposal({ actor: brand, id })).rejects.toMatchObject({ status: 404 });
    await expect(getUnfinishedProposal({ actor: brand, id: "not-a-uuid" })).rejects.toMatchObject({ status: 404 });
  });
});
