/**
 * Proposals between a creator and a brand are created as drafts by either side, edited
 * and sent by the sender, then accepted, countered or rejected by the recipient; every
 * action is appended to the proposal's history. What those actions share: the checks on the parties and on open offers, how
 * proposal fields are stored, and showing the proposal an action leaves behind.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx, type Prisma } from "../db";
import { AppError } from "../errors";
import { toMinor } from "../money";
import { checkedPaymentPlan, planJson } from "./payment-plan";
import type { CounterProposalBody, CreateProposalBody, ProposalResponse } from "./schemas/proposals";
import { loadProposalView, partyProfile, storedDeliverables, termsView } from "./proposal-view";

type ProposalRecord = Prisma.ProposalGetPayload<object>;

/** 400 naming one request field, as input validation does. */
export function fieldError(path: string, message: string): AppError {
  return new AppError("invalid_request", `Invalid input: ${path}: ${message}`, { fields: [{ path, message, type: "value_error" }] });
}

export function notYourTurn(message: string): AppError {
  return new AppError("insufficient_permissions", message);
}

export function deliverablesJson(deliverables: CreateProposalBody["deliverables"]): Prisma.InputJsonArray {
  return deliverables.map((d) => ({
    type: d.type,
    description: d.description,
    dueDate: d.dueDate.toISOString(),
    requirements: d.requirements || null,
  }));
}

/** Only the terms that are set, so the stored JSON stays small and unset means absent. */
export function termsJson(terms: Partial<Record<string, string | null | undefined>>): Prisma.InputJsonObject {
  return Object.fromEntries(
    Object.entries(terms).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
}

/**
 * Checks the other party and the campaign: the recipient must be an active user of the
 * other participant role, and a campaign must belong to the brand party.
 */
export async function checkParties(tx: DbTx, actor: Actor, recipientId: string, campaignId: string | null): Promise<void> {
  if (recipientId === actor.partyId) throw fieldError("body.recipientId", "cannot send a proposal to yourself");
  const otherRole = actor.role === "creator" ? "brand" : "creator";
  const recipient = await tx.user.findFirst({
    where: { id: recipientId, active: true, ...partyProfile(otherRole) },
    select: { role: true },
  });
  if (!recipient || recipient.role !== otherRole) throw fieldError("body.recipientId", `must be the id of a ${otherRole}`);
  if (campaignId) {
    const brandId = actor.role === "brand" ? actor.partyId : recipientId;
    const campaign = await tx.campaign.findFirst({ where: { id: campaignId, brandId }, select: { id: true } });
    if (!campaign) throw fieldError("body.campaignId", "must be a campaign of the brand party");
  }
}

/**
 * One open offer at a time: a sender may not have two unanswered (sent) proposals to the
 * same recipient for the same campaign, or both for none. The advisory lock on the pair
 * serialises concurrent creates and sends, so two cannot both pass the check.
 */
export async function refuseDuplicateOffer(
  tx: DbTx,
  offer: { senderId: string; recipientId: string; campaignId: string | null; exceptId?: string },
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`proposal-offer:${offer.senderId}:${offer.recipientId}`}, 0))`;
  const existing = await tx.proposal.findFirst({
    where: {
      senderId: offer.senderId,
      recipientId: offer.recipientId,
      campaignId: offer.campaignId,
      status: "sent",
      ...(offer.exceptId ? { id: { not: offer.exceptId } } : {}),
    },
    select: { id: true },
  });
  if (existing) {
    throw new AppError(
      "conflict",
      `An unanswered proposal to this recipient ${offer.campaignId ? "for this campaign" : "without a campaign"} already exists: ${existing.id}. Wait for its answer, or counter it.`,
      {
        proposalId: existing.id,
      },
    );
  }
}

function checkTimeline(startDate: Date, endDate: Date): void {
  if (endDate.getTime() <= startDate.getTime()) throw fieldError("body.timeline.endDate", "must be after startDate");
}

/** The fields of a proposal after applying optional changes to an existing one. */
export function mergedFields(base: ProposalRecord, changes: CounterProposalBody) {
  const startDate = changes.timeline?.startDate ?? base.startDate;
  const endDate = changes.timeline?.endDate ?? base.endDate;
  checkTimeline(startDate, endDate);
  const changedSchedule = changes.compensation?.paymentSchedule;
  const deliverables = changes.deliverables
    ? deliverablesJson(changes.deliverables)
    : (storedDeliverables(base.deliverables) as unknown as Prisma.InputJsonArray);
  const amountMinor = changes.compensation?.amount !== undefined ? toMinor(changes.compensation.amount) : base.amountMinor;
  const currency = changes.compensation?.currency ?? base.currency;
  const paymentSchedule = changedSchedule !== undefined ? changedSchedule || null : base.paymentSchedule;
  // The schedule is read against the amount and deliverables as they now are, changed or not.
  const plan = checkedPaymentPlan(paymentSchedule, { totalMinor: amountMinor, currency, deliverableCount: deliverables.length });
  return {
    campaignId: changes.campaignId !== undefined ? changes.campaignId : base.campaignId,
    deliverables,
    amountMinor,
    currency,
    paymentSchedule,
    paymentPlan: planJson(plan) as unknown as Prisma.InputJsonArray,
    startDate,
    endDate,
    terms: termsJson({ ...termsView(base.terms), ...changes.terms }),
  };
}

/**
 * Shows the proposal an action's transaction names, once it has committed: the view's
 * includes are read in parallel, which one transaction connection could only queue.
 */
export async function thenShow(work: Promise<string>): Promise<ProposalResponse> {
  return loadProposalView(getDb(), await work);
}
