/**
 * The events of both halves, each told to the organisation that must act or needs to know,
 * inside the transaction of the change. One function per event, so a service names what
 * happened and this file says who hears of it and with what data.
 */
import type { DbTx } from "../db";
import { toMajor } from "../money";
import { emitEvent, emitEventToUser } from "./emit-event";

const proposalLink = (id: string) => `/workspace/proposals/${id}`;
const partnershipLink = (id: string) => `/workspace/partnerships/${id}`;

async function partiesOf(tx: DbTx, partnershipId: string) {
  return tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: {
      id: true,
      brandId: true,
      creatorId: true,
      brand: { select: { name: true, organization: { select: { name: true } } } },
      creator: { select: { name: true, organization: { select: { name: true } } } },
    },
  });
}

const nameOf = (party: { name: string; organization: { name: string } | null }) => party.organization?.name ?? party.name;

/** A proposal was sent: its recipient's organisation has a proposal to answer. */
export async function proposalReceived(tx: DbTx, options: { proposalId: string; at: Date; countered?: boolean }): Promise<void> {
  const p = await tx.proposal.findUniqueOrThrow({
    where: { id: options.proposalId },
    select: {
      id: true,
      recipientId: true,
      counterOfId: true,
      amountMinor: true,
      currency: true,
      sender: { select: { name: true, organization: { select: { name: true } } } },
    },
  });
  const from = nameOf(p.sender);
  const countered = p.counterOfId !== null;
  await emitEventToUser(tx, p.recipientId, {
    type: countered ? "proposal.countered" : "proposal.received",
    subject: { type: "proposal", id: p.id },
    data: { proposal_id: p.id, counter_of_id: p.counterOfId, from, amount: toMajor(p.amountMinor), currency: p.currency },
    link: proposalLink(p.id),
    summary: countered ? `${from} answered your proposal with a counter-proposal` : `${from} sent you a proposal`,
    at: options.at,
  });
}

/** A contract was sent for signature: the other party has it to sign (the sender signs it too, but knows). */
export async function contractSent(
  tx: DbTx,
  options: { partnershipId: string; contractId: string; sentBy: "brand" | "creator"; at: Date },
): Promise<void> {
  const p = await partiesOf(tx, options.partnershipId);
  const [otherId, sender] = options.sentBy === "brand" ? [p.creatorId, nameOf(p.brand)] : [p.brandId, nameOf(p.creator)];
  await emitEventToUser(tx, otherId, {
    type: "contract.sent",
    subject: { type: "contract", id: options.contractId },
    data: { partnership_id: p.id, contract_id: options.contractId, sent_by: options.sentBy },
    link: partnershipLink(p.id),
    summary: `${sender} sent you the contract to sign`,
    at: options.at,
  });
}

/** Both parties signed: the contract is in force for both organisations. */
export async function contractSigned(tx: DbTx, options: { partnershipId: string; contractId: string; at: Date }): Promise<void> {
  const p = await partiesOf(tx, options.partnershipId);
  for (const [userId, other] of [
    [p.brandId, nameOf(p.creator)],
    [p.creatorId, nameOf(p.brand)],
  ] as const) {
    await emitEventToUser(tx, userId, {
      type: "contract.signed",
      subject: { type: "contract", id: options.contractId },
      data: { partnership_id: p.id, contract_id: options.contractId },
      link: partnershipLink(p.id),
      summary: `The contract with ${other} is signed by both parties`,
      at: options.at,
    });
  }
}

/** The creator submitted a deliverable: the brand has it to review. */
export async function deliverableSubmitted(tx: DbTx, options: { deliverableId: string; at: Date }): Promise<void> {
  const d = await tx.deliverable.findUniqueOrThrow({
    where: { id: options.deliverableId },
    select: { id: true, partnershipId: true, description: true },
  });
  const p = await partiesOf(tx, d.partnershipId);
  await emitEventToUser(tx, p.brandId, {
    type: "deliverable.submitted",
    subject: { type: "deliverable", id: d.id },
    data: { partnership_id: p.id, deliverable_id: d.id, description: d.description },
    link: partnershipLink(p.id),
    summary: `${nameOf(p.creator)} submitted "${d.description}" for your review`,
    at: options.at,
  });
}

/** A deliverable was approved (by the brand or its review window): the creator's work is accepted. */
export async function deliverableApproved(tx: DbTx, options: { deliverableId: string; automatically: boolean; at: Date }): Promise<void> {
  const d = await tx.deliverable.findUniqueOrThrow({
    where: { id: options.deliverableId },
    select: { id: true, partnershipId: true, description: true },
  });
  const p = await partiesOf(tx, d.partnershipId);
  await emitEventToUser(tx, p.creatorId, {
    type: "deliverable.approved",
    subject: { type: "deliverable", id: d.id },
    data: { partnership_id: p.id, deliverable_id: d.id, description: d.description, automatically: options.automatically },
    link: partnershipLink(p.id),
    summary: options.automatically
      ? `"${d.description}" was approved: its review window passed`
      : `${nameOf(p.brand)} approved "${d.description}"`,
    at: options.at,
  });
}

/** Escrowed money went to the creator. */
export async function paymentReleased(
  tx: DbTx,
  options: { partnershipId: string; paymentId: string; amountMinor: bigint; currency: string; at: Date },
): Promise<void> {
  const p = await partiesOf(tx, options.partnershipId);
  await emitEventToUser(tx, p.creatorId, {
    type: "payment.released",
    subject: { type: "partnership_payment", id: options.paymentId },
    data: { partnership_id: p.id, payment_id: options.paymentId, amount: toMajor(options.amountMinor), currency: options.currency },
    link: partnershipLink(p.id),
    summary: `${options.currency} ${toMajor(options.amountMinor)} was released to you from escrow by ${nameOf(p.brand)}`,
    at: options.at,
  });
}

/** One party opened a dispute: the other must answer it. */
export async function disputeOpened(
  tx: DbTx,
  options: { partnershipId: string; disputeId: string; openedBy: "brand" | "creator"; reason: string; at: Date },
): Promise<void> {
  const p = await partiesOf(tx, options.partnershipId);
  const [otherId, opener] = options.openedBy === "brand" ? [p.creatorId, nameOf(p.brand)] : [p.brandId, nameOf(p.creator)];
  await emitEventToUser(tx, otherId, {
    type: "dispute.opened",
    subject: { type: "dispute", id: options.disputeId },
    data: { partnership_id: p.id, dispute_id: options.disputeId, opened_by: options.openedBy, reason: options.reason },
    link: partnershipLink(p.id),
    summary: `${opener} opened a dispute: ${options.reason.slice(0, 120)}`,
    at: options.at,
  });
}

/** A partner payment settled, one way or the other: its partner is told (a failure with its reason, to pay again). */
async function partnerPaymentSettled(tx: DbTx, type: "payment.completed" | "payment.failed", options: { paymentId: string; at: Date }) {
  const payment = await tx.payment.findUniqueOrThrow({
    where: { id: options.paymentId },
    select: { id: true, partnerId: true, reference: true, amountMinor: true, currency: true, method: true, failureReason: true },
  });
  const failed = type === "payment.failed";
  const what = `Payment ${payment.reference} of ${payment.currency} ${toMajor(payment.amountMinor)}`;
  await emitEvent(tx, {
    organizationId: payment.partnerId,
    type,
    subject: { type: "payment", id: payment.id },
    data: {
      payment_id: payment.id,
      reference: payment.reference,
      amount: toMajor(payment.amountMinor),
      currency: payment.currency,
      method: payment.method,
      ...(failed ? { reason: payment.failureReason } : {}),
    },
    link: `/dashboard/payments/${payment.id}`,
    summary: failed ? `${what} failed: ${payment.failureReason ?? "no reason given"}` : `${what} completed`,
    at: options.at,
  });
}

export const paymentCompleted = (tx: DbTx, options: { paymentId: string; at: Date }) =>
  partnerPaymentSettled(tx, "payment.completed", options);
export const paymentFailed = (tx: DbTx, options: { paymentId: string; at: Date }) => partnerPaymentSettled(tx, "payment.failed", options);

/** Sponsorships a payment covered in full became active. */
export async function sponsorshipsActivated(tx: DbTx, options: { sponsorshipIds: string[]; at: Date }): Promise<void> {
  if (options.sponsorshipIds.length === 0) return;
  const rows = await tx.sponsorship.findMany({
    where: { id: { in: options.sponsorshipIds } },
    select: { id: true, partnerId: true, student: { select: { firstName: true } } },
  });
  for (const s of rows) {
    await emitEvent(tx, {
      organizationId: s.partnerId,
      type: "sponsorship.activated",
      subject: { type: "sponsorship", id: s.id },
      data: { sponsorship_id: s.id },
      link: `/dashboard/sponsorships/${s.id}`,
      summary: `The sponsorship of ${s.student.firstName} is active`,
      at: options.at,
    });
  }
}
