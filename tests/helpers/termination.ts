/** Partnerships at each stage of their life, for the termination and dispute tests, through the real handlers. */
import { expect } from "vitest";
import { POST as generateContract } from "@/app/api/partnerships/[partnershipId]/contract/route";
import { POST as approveDeliverable } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/approve/route";
import { POST as submitDeliverable } from "@/app/api/partnerships/[partnershipId]/deliverables/[deliverableId]/submit/route";
import { GET as listDeliverables } from "@/app/api/partnerships/[partnershipId]/deliverables/route";
import { POST as confirmPayment } from "@/app/api/partnerships/[partnershipId]/payments/[paymentId]/confirm/route";
import { GET as listPayments, POST as initiatePayment } from "@/app/api/partnerships/[partnershipId]/payments/route";
import { POST as acceptProposal } from "@/app/api/partnerships/proposals/[proposalId]/accept/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { getDb } from "@/lib/db";
import { freshCampaign, proposalBody, signedPartnership } from "./escrow";
import { call, tokenFor } from "./http";

export interface Parties {
  brand: string;
  creator: string;
  brandId: string;
  creatorId: string;
}

export async function demoParties(brandEmail = "brand@demo.test", creatorEmail = "creator@demo.test"): Promise<Parties> {
  const [brand, creator] = [await tokenFor(brandEmail), await tokenFor(creatorEmail)];
  const users = await getDb().user.findMany({ where: { email: { in: [brandEmail, creatorEmail] } }, select: { id: true, email: true } });
  return {
    brand,
    creator,
    brandId: users.find((u) => u.email === brandEmail)!.id,
    creatorId: users.find((u) => u.email === creatorEmail)!.id,
  };
}

export interface StagedPartnership {
  partnershipId: string;
  /** The scheduled payments: "50% upfront, 50% on completion" gives an initial (covering nothing) and a final one (covering the deliverable). */
  payments: Array<{ id: string; type: string; amount: number }>;
  deliverableId: string;
}

async function details(parties: Parties, partnershipId: string): Promise<StagedPartnership> {
  const params = { partnershipId };
  const payments = (await call(listPayments, "/x", { token: parties.brand, params })).body.payments;
  const deliverables = (await call(listDeliverables, "/x", { token: parties.brand, params })).body.deliverables;
  return {
    partnershipId,
    payments: payments.map((p: { id: string; type: string; amount: number }) => ({ id: p.id, type: p.type, amount: p.amount })),
    deliverableId: deliverables[0].id,
  };
}

/** A partnership just created by acceptance (no contract), or with its contract generated and sent. */
export async function partnershipBeforeSigning(parties: Parties, stage: "accepted" | "contract_sent", amount = 100) {
  const created = await call(createProposal, "/api/partnerships/proposals", {
    token: parties.brand,
    body: proposalBody(parties.creatorId, amount, await freshCampaign(parties.brandId)),
  });
  expect(created.status).toBe(201);
  const proposalId = created.body.id as string;
  expect((await call(sendProposal, "/x", { token: parties.brand, params: { proposalId }, method: "POST" })).status).toBe(200);
  const accepted = await call(acceptProposal, "/x", { token: parties.creator, params: { proposalId }, method: "POST" });
  expect(accepted.status).toBe(200);
  const partnershipId = accepted.body.partnership.id as string;
  if (stage === "contract_sent") {
    expect((await call(generateContract, "/x", { token: parties.brand, params: { partnershipId }, method: "POST" })).status).toBe(201);
  }
  return details(parties, partnershipId);
}

/** A partnership with its contract active and nothing funded. */
export async function activePartnership(parties: Parties, amount = 100): Promise<StagedPartnership> {
  const { partnershipId } = await signedPartnership({ ...parties, amount });
  return details(parties, partnershipId);
}

export const paymentOfType = (p: StagedPartnership, type: string) => p.payments.find((x) => x.type === type)!;

/** The brand pays the payment (sandbox) and confirms it: held in escrow. */
export async function fund(parties: Parties, p: StagedPartnership, type: "initial" | "final") {
  const payment = paymentOfType(p, type);
  const params = { partnershipId: p.partnershipId };
  const initiated = await call(initiatePayment, "/x", {
    token: parties.brand,
    params,
    body: { type, amount: payment.amount, currency: "USD" },
  });
  expect(initiated.status).toBe(201);
  const confirmed = await call(confirmPayment, "/x", {
    token: parties.brand,
    params: { ...params, paymentId: payment.id },
    method: "POST",
  });
  expect(confirmed.body.status).toBe("in_progress");
  return payment;
}

/** The brand starts paying (a charge exists) without the charge landing. */
export async function initiate(parties: Parties, p: StagedPartnership, type: "initial" | "final") {
  const payment = paymentOfType(p, type);
  const initiated = await call(initiatePayment, "/x", {
    token: parties.brand,
    params: { partnershipId: p.partnershipId },
    body: { type, amount: payment.amount, currency: "USD" },
  });
  expect(initiated.status).toBe(201);
  return initiated.body.payment as { id: string; transactionId: string };
}

export async function submit(parties: Parties, p: StagedPartnership) {
  const submitted = await call(submitDeliverable, "/x", {
    token: parties.creator,
    params: { partnershipId: p.partnershipId, deliverableId: p.deliverableId },
    body: { submissionUrl: "https://instagram.com/p/terminated" },
  });
  expect(submitted.status).toBe(200);
}

export async function submitAndApprove(parties: Parties, p: StagedPartnership) {
  await submit(parties, p);
  const approved = await call(approveDeliverable, "/x", {
    token: parties.brand,
    params: { partnershipId: p.partnershipId, deliverableId: p.deliverableId },
    body: {},
  });
  expect(approved.status).toBe(200);
}

/**
 * The payment's escrow movements (charge, release, refund): what each moved into its destination account, in
 * minor units. Payouts to the creator follow a release on their own schedule and are left out.
 */
export async function movementsOf(paymentId: string): Promise<Record<string, bigint>> {
  const entries = await getDb().ledgerEntry.findMany({ where: { paymentId, amountMinor: { gt: 0 }, movement: { not: "payout" } } });
  return Object.fromEntries(entries.map((entry) => [entry.movement, entry.amountMinor]));
}
