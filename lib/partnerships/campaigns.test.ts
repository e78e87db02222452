import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actorByEmail } from "@/tests/helpers/actors";
import { proposalBody, sentContract, signatureBody } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { POST as acceptProposal } from "@/app/api/partnerships/proposals/[proposalId]/accept/route";
import { POST as signContract } from "@/app/api/partnerships/[partnershipId]/contract/sign/route";
import { POST as initiatePayment } from "@/app/api/partnerships/[partnershipId]/payments/route";
import { POST as confirmPayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/confirm/route";
import { POST as releasePayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/release/route";
import { createCampaign } from "./create-campaign";
import { getCampaign } from "./get-campaign";
import { listCampaigns } from "./list-campaigns";
import { listDueDates } from "./list-due-dates";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

let brand: Actor, otherBrand: Actor, creator: Actor, otherCreator: Actor;
let tokens: Record<"brand" | "creator", string>;

beforeAll(async () => {
  [brand, otherBrand, creator, otherCreator] = await Promise.all(
    ["brand@demo.test", "brand2@demo.test", "creator@demo.test", "creator2@demo.test"].map(actorByEmail),
  );
  tokens = { brand: await tokenFor("brand@demo.test"), creator: await tokenFor("creator@demo.test") };
});

async function sentProposal(recipientId: string, amount: number, campaignId: string) {
  const created = await call(createProposal, "/api/partnerships/proposals", {
    token: tokens.brand,
    body: proposalBody(recipientId, amount, campaignId),
  });
  expect(created.status).toBe(201);
  await call(sendProposal, "/x", { token: tokens.brand, params: { proposalId: created.body.id }, method: "POST" });
  return created.body.id as string;
}

describe("campaign spend", () => {
  it("counts committed, proposed, held and released money from the campaign's own records", async () => {
    const { id: campaignId } = await createCampaign({
      actor: brand,
      body: { name: "Rainy season launch", budget: { amount: 1000, currency: "USD" }, startDate: new Date("2027-01-01T00:00:00Z") },
    });
    const spend = async () => (await listCampaigns({ actor: brand })).find((c) => c.id === campaignId)!.spend;
    expect(await spend()).toMatchObject({
      budget: 1000,
      committed: 0,
      proposed: 0,
      held: 0,
      released: 0,
      remaining: 1000,
      partnerships: 0,
    });

    const accepted = await sentProposal(creator.partyId, 200, campaignId);
    await sentProposal(otherCreator.partyId, 40, campaignId);
    expect(await spend()).toMatchObject({ committed: 0, proposed: 240 });

    const answer = await call(acceptProposal, "/x", { token: tokens.creator, params: { proposalId: accepted }, method: "POST" });
    const partnershipId = answer.body.partnership.id as string;
    expect(await spend()).toMatchObject({ committed: 200, proposed: 40, remaining: 800, partnerships: 1 });

    await sentContract({ token: tokens.brand, partnershipId });
    await call(signContract, "/x", { token: tokens.creator, params: { partnershipId }, body: signatureBody("Amani Wekesa") });
    await call(signContract, "/x", { token: tokens.brand, params: { partnershipId }, body: signatureBody("Achieng Odhiambo") });
    const initiated = await call(initiatePayment, "/x", {
      token: tokens.brand,
      params: { partnershipId },
      body: { type: "initial", amount: 100, currency: "USD" },
    });
    const paymentId = initiated.body.payment.id as string;
    await call(confirmPayment, "/x", { token: tokens.brand, params: { partnershipId, paymentId } });
    expect(await spend()).toMatchObject({ held: 100, released: 0 });
    await call(releasePayment, "/x", { token: tokens.brand, params: { partnershipId, paymentId } });
    expect(await spend()).toMatchObject({ committed: 200, held: 0, released: 100, remaining: 800 });

    const detail = await getCampaign({ actor: brand, campaignId });
    expect(detail.partnershipsList.map((p) => [p.id, p.amount])).toEqual([[partnershipId, 200]]);
    expect(detail.proposals.map((p) => [p.creator, p.amount, p.status])).toEqual([[otherCreator.name, 40, "sent"]]);
  });

  it("shows a campaign to its brand only", async () => {
    const { id: campaignId } = await createCampaign({ actor: brand, body: { name: "Private", budget: { amount: 10, currency: "USD" } } });
    await expect(getCampaign({ actor: otherBrand, campaignId })).rejects.toMatchObject({ status: 404 });
    await expect(getCampaign({ actor: creator, campaignId })).rejects.toMatchObject({ status: 404 });
    await expect(getCampaign({ actor: brand, campaignId: "not-a-uuid" })).rejects.toMatchObject({ status: 404 });
    await expect(listCampaigns({ actor: creator })).rejects.toMatchObject({ status: 403 });
    await expect(createCampaign({ actor: creator, body: { name: "x", budget: { amount: 1, currency: "USD" } } })).rejects.toMatchObject({
      status: 403,
    });
    expect((await listCampaigns({ actor: otherBrand })).some((c) => c.id === campaignId)).toBe(false);
  });
});

describe("calendar", () => {
  it("lists each party's due dates by month, saying whose move it is", async () => {
    const { id: campaignId } = await createCampaign({ actor: brand, body: { name: "Calendar", budget: { amount: 500, currency: "USD" } } });
    const proposalId = await sentProposal(creator.partyId, 120, campaignId);
    const answer = await call(acceptProposal, "/x", { token: tokens.creator, params: { proposalId }, method: "POST" });
    const partnershipId = answer.body.partnership.id as string;
    const now = new Date("2027-01-10T00:00:00Z");

    const forCreator = await listDueDates({ actor: creator, month: "2027-02", now });
    const due = forCreator.items.filter((i) => i.partnershipId === partnershipId);
    expect(due).toEqual([
      expect.objectContaining({ kind: "deliverable", at: "2027-02-01T00:00:00.000Z", title: "“Launch post” due", yours: true }),
    ]);
    expect(due[0]!.counterpart).not.toBe("");
    const forBrand = await listDueDates({ actor: brand, month: "2027-02", now });
    expect(forBrand.items.find((i) => i.partnershipId === partnershipId)).toMatchObject({ kind: "deliverable", yours: false });

    const march = await listDueDates({ actor: brand, month: "2027-03", now });
    const inMarch = march.items.filter((i) => i.partnershipId === partnershipId).map((i) => [i.kind, i.yours]);
    expect(inMarch).toEqual(
      expect.arrayContaining([
        ["payment", true],
        ["partnership_end", true],
      ]),
    );
    // Another creator's calendar holds nothing of it; a malformed month means this month.
    expect((await listDueDates({ actor: otherCreator, month: "2027-02", now })).items.some((i) => i.partnershipId === partnershipId)).toBe(
      false,
    );
    expect((await listDueDates({ actor: creator, month: "2027-13", now })).month).toBe("2027-01");
  });
});
