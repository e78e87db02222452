/** A brand–creator partnership with a contract both parties signed, through the real handlers. */
import { POST as generateContract } from "@/app/api/partnerships/[partnershipId]/contract/route";
import { POST as sendContract } from "@/app/api/partnerships/[partnershipId]/contract/send/route";
import { POST as signContract } from "@/app/api/partnerships/[partnershipId]/contract/sign/route";
import { GET as listPayments } from "@/app/api/partnerships/[partnershipId]/payments/route";
import { POST as acceptProposal } from "@/app/api/partnerships/proposals/[proposalId]/accept/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { call } from "./http";

export function proposalBody(recipientId: string, amount = 100, campaignId?: string) {
  return {
    recipientId,
    ...(campaignId ? { campaignId } : {}),
    deliverables: [{ type: "instagram_post", description: "Launch post", dueDate: "2027-02-01T00:00:00Z" }],
    compensation: { amount, currency: "USD", paymentSchedule: "50% upfront, 50% on completion" },
    timeline: { startDate: "2027-01-15T00:00:00Z", endDate: "2027-03-01T00:00:00Z" },
    terms: {},
  };
}

/** A valid signature body: the typed name and the consent the sign endpoint requires. */
export function signatureBody(fullName: string) {
  return { fullName, consent: true as const };
}

/** Generates (a draft) and sends the partnership's contract, through the real handlers. */
export async function sentContract(options: { token: string; partnershipId: string; reviewWindowDays?: number }) {
  const { token, partnershipId } = options;
  const generated = await call(generateContract, "/x", {
    token,
    params: { partnershipId },
    method: "POST",
    ...(options.reviewWindowDays ? { body: { reviewWindowDays: options.reviewWindowDays } } : {}),
  });
  if (generated.status !== 201) throw new Error(`contract not generated: ${JSON.stringify(generated.body)}`);
  const sent = await call(sendContract, "/x", { token, params: { partnershipId }, method: "POST" });
  if (sent.body.status !== "sent") throw new Error(`contract not sent: ${JSON.stringify(sent.body)}`);
  return sent.body as { id: string; status: string };
}

/** A brand → creator proposal, sent and accepted: an active partnership with no contract yet. */
export async function acceptedPartnership(options: {
  brand: string;
  creator: string;
  creatorId: string;
  brandId: string;
  amount?: number;
}) {
  const campaignId = await freshCampaign(options.brandId);
  const created = await call(createProposal, "/api/partnerships/proposals", {
    token: options.brand,
    body: proposalBody(options.creatorId, options.amount, campaignId),
  });
  const proposalId = created.body.id as string;
  await call(sendProposal, "/x", { token: options.brand, params: { proposalId }, method: "POST" });
  const accepted = await call(acceptProposal, "/x", { token: options.creator, params: { proposalId }, method: "POST" });
  if (accepted.status !== 200) throw new Error(`proposal not accepted: ${JSON.stringify(accepted.body)}`);
  return { proposalId, partnershipId: accepted.body.partnership.id as string };
}

export async function signedPartnership(options: {
  brand: string;
  creator: string;
  creatorId: string;
  brandId: string;
  amount?: number;
  reviewWindowDays?: number;
}) {
  const { proposalId, partnershipId } = await acceptedPartnership(options);
  await sentContract({ token: options.brand, partnershipId, reviewWindowDays: options.reviewWindowDays });
  await call(signContract, "/x", { token: options.creator, params: { partnershipId }, body: signatureBody("Test Creator") });
  const signed = await call(signContract, "/x", { token: options.brand, params: { partnershipId }, body: signatureBody("Test Brand") });
  if (signed.body.status !== "active") throw new Error(`contract not active: ${JSON.stringify(signed.body)}`);
  const payments = (await call(listPayments, "/x", { token: options.brand, params: { partnershipId } })).body.payments as Array<{
    id: string;
    type: string;
    amount: number;
  }>;
  return { proposalId, partnershipId, payments };
}

let campaigns = 0;

/**
 * A new campaign of the brand, so that each test proposal is a separate offer: a sender
 * may have only one unanswered proposal to a recipient per campaign.
 */
export async function freshCampaign(brandId: string): Promise<string> {
  const { getDb } = await import("@/lib/db");
  campaigns += 1;
  const campaign = await getDb().campaign.create({
    data: { brandId, name: `Test campaign ${process.pid}-${campaigns}` },
    select: { id: true },
  });
  return campaign.id;
}
