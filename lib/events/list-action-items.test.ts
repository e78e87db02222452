import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { liveStamp } from "@/lib/live/live-stamp";
import { acceptProposal } from "@/lib/partnerships/accept-proposal";
import { createProposal } from "@/lib/partnerships/create-proposal";
import { generateContract } from "@/lib/partnerships/generate-contract";
import { rejectProposal } from "@/lib/partnerships/reject-proposal";
import { sendContract } from "@/lib/partnerships/send-contract";
import { sendProposal } from "@/lib/partnerships/send-proposal";
import { signContract } from "@/lib/partnerships/sign-contract";
import { createProposalBody } from "@/lib/partnerships/schemas/proposals";
import { settlePayment } from "@/lib/sponsorship/complete-payment";
import { startPayment } from "@/lib/sponsorship/create-payment";
import { createPaymentBody } from "@/lib/sponsorship/schemas/payments";
import { actorByEmail } from "@/tests/helpers/actors";
import { freshCampaign, proposalBody } from "@/tests/helpers/escrow";
import { listActionItems } from "./list-action-items";

const actors = {} as Record<"brand" | "creator" | "manager" | "creator2" | "partner" | "partnerFinance" | "partner2", Actor>;
const origin = { ipAddress: "203.0.113.9", userAgent: "vitest" };

beforeAll(async () => {
  for (const [key, email] of [
    ["brand", "brand@demo.test"],
    ["creator", "creator@demo.test"],
    ["manager", "manager@demo.test"],
    ["creator2", "creator2@demo.test"],
    ["partner", "partner@demo.test"],
    ["partnerFinance", "finance@demo.test"],
    ["partner2", "partner2@demo.test"],
  ] as const)
    actors[key] = await actorByEmail(email);
});

const linksOf = async (actor: Actor) => (await listActionItems({ actor, limit: 100 })).map((item) => `${item.type} ${item.link}`);

async function sentProposal(amount = 100) {
  const draft = await createProposal({
    actor: actors.brand,
    body: createProposalBody.parse(proposalBody(actors.creator.partyId!, amount, await freshCampaign(actors.brand.partyId!))),
  });
  await sendProposal({ actor: actors.brand, proposalId: draft.id });
  return draft.id;
}

describe("needs your action", () => {
  it("lists a received proposal for every member of the recipient organisation until one of them answers it", async () => {
    const proposalId = await sentProposal();
    const item = `proposal.received /workspace/proposals/${proposalId}`;
    expect(await linksOf(actors.creator)).toContain(item);
    expect(await linksOf(actors.manager)).toContain(item);
    // Not the sender's to answer, nor another creator's.
    expect(await linksOf(actors.brand)).not.toContain(item);
    expect(await linksOf(actors.creator2)).not.toContain(item);

    const [first] = await listActionItems({ actor: actors.creator });
    expect(first).toMatchObject({ action: "Answer the proposal", link: `/workspace/proposals/${proposalId}` });

    await rejectProposal({ actor: actors.manager, proposalId, reason: "Not this season" });
    expect(await linksOf(actors.creator)).not.toContain(item);
    expect(await linksOf(actors.manager)).not.toContain(item);
  });

  it("asks the side that has not signed a sent contract, and only until it signs", async () => {
    const proposalId = await sentProposal(120);
    const { partnership } = await acceptProposal({ actor: actors.creator, proposalId });
    await generateContract({ actor: actors.brand, partnershipId: partnership.id, ...origin });
    const before = await liveStamp({ actor: actors.creator, subject: { kind: "partnership", id: partnership.id } });
    await sendContract({ actor: actors.brand, partnershipId: partnership.id, ...origin });
    // The creator's page of the partnership has moved on: its stamp changed.
    expect(await liveStamp({ actor: actors.creator, subject: { kind: "partnership", id: partnership.id } })).not.toBe(before);

    const item = `contract.sent /workspace/partnerships/${partnership.id}`;
    expect(await linksOf(actors.creator)).toContain(item);
    expect(await linksOf(actors.brand)).not.toContain(item);
    await signContract({ actor: actors.brand, partnershipId: partnership.id, fullName: "Achieng Odhiambo", consent: true, ...origin });
    // The brand's signature does not answer for the creator.
    expect(await linksOf(actors.creator)).toContain(item);
    await signContract({ actor: actors.creator, partnershipId: partnership.id, fullName: "Amani Wekesa", consent: true, ...origin });
    expect(await linksOf(actors.creator)).not.toContain(item);
  });

  it("asks a partner to pay again after a payment failed, until another payment is on its way", async () => {
    const db = getDb();
    const partnerId = actors.partner.organizationId!;
    const student = await db.student.findFirstOrThrow({ where: { sponsorships: { none: {} } }, select: { id: true } });
    const sponsorship = await db.sponsorship.create({
      data: {
        partnerId,
        studentId: student.id,
        type: "partial",
        amountMinor: 1_000_000n,
        startDate: new Date("2027-01-01"),
        endDate: new Date("2027-12-31"),
      },
    });
    const pay = () =>
      startPayment({
        partnerId,
        body: createPaymentBody.parse({ amount: 10_000, method: "bank_transfer", sponsorship_ids: [sponsorship.id] }),
      });
    const failed = await pay();
    await db.$transaction((tx) =>
      settlePayment(tx, { paymentId: failed.id, outcome: "failed", reason: "Transfer returned", now: new Date() }),
    );

    const item = `payment.failed /dashboard/payments/${failed.id}`;
    expect(await linksOf(actors.partner)).toContain(item);
    expect(await linksOf(actors.partnerFinance)).toContain(item);
    expect(await linksOf(actors.partner2)).not.toContain(item);
    const mine = (await listActionItems({ actor: actors.partner, limit: 100 })).find((i) => i.link.endsWith(failed.id))!;
    expect(mine.action).toBe("Pay again");
    expect(mine.summary).toContain("Transfer returned");

    await pay();
    expect(await linksOf(actors.partner)).not.toContain(item);
  });

  it("keeps a page's stamp from anyone who may not see the page", async () => {
    const proposalId = await sentProposal(90);
    await expect(liveStamp({ actor: actors.creator2, subject: { kind: "proposal", id: proposalId } })).rejects.toBeInstanceOf(AppError);
    await expect(liveStamp({ actor: actors.partner, subject: { kind: "workspace" } })).rejects.toBeInstanceOf(AppError);
    await expect(liveStamp({ actor: actors.brand, subject: { kind: "dashboard" } })).rejects.toBeInstanceOf(AppError);
    const before = await liveStamp({ actor: actors.creator, subject: { kind: "workspace" } });
    await rejectProposal({ actor: actors.creator, proposalId });
    expect(await liveStamp({ actor: actors.creator, subject: { kind: "workspace" } })).not.toBe(before);
  });

  it("moves the workspace's stamp, which the calendar and campaigns follow, when a deliverable or escrow payment of the party's changes", async () => {
    const db = getDb();
    const creatorId = actors.creator.partyId!;
    const deliverable = await db.deliverable.findFirstOrThrow({ where: { partnership: { creatorId } }, select: { id: true } });
    const payment = await db.partnershipPayment.findFirstOrThrow({ where: { partnership: { creatorId } }, select: { id: true } });
    const stampOf = (actor: Actor) => liveStamp({ actor, subject: { kind: "workspace" } });
    for (const change of [
      () => db.deliverable.update({ where: { id: deliverable.id }, data: { updatedAt: new Date() } }),
      () => db.partnershipPayment.update({ where: { id: payment.id }, data: { updatedAt: new Date() } }),
    ]) {
      const [mine, theirs] = await Promise.all([stampOf(actors.creator), stampOf(actors.creator2)]);
      await change();
      expect(await stampOf(actors.creator)).not.toBe(mine);
      // Another creator's pages have nothing new to show.
      expect(await stampOf(actors.creator2)).toBe(theirs);
    }
  });
});
