/**
 * Proposals between a creator and a brand: created as drafts by either side, edited and
 * sent by the sender, then accepted (lib/partnerships/proposal-accept.ts), countered or
 * rejected by the recipient. Every action is appended to the proposal's history.
 */
import type { Actor } from "../auth/actor";
import { getDb, Prisma, type DbTx } from "../db";
import { AppError } from "../errors";
import { requireParticipant } from "./access";
import { amountFromMinor, amountToMinor } from "./money";
import type { CounterProposalBody, CreateProposalBody, ListProposalsQuery, ProposalListItem, ProposalResponse, UpdateProposalBody } from "./proposal-schemas";
import { loadProposalView, partyName, partySelect, proposalForParty, storedDeliverables, termsView, visibleProposals } from "./proposal-view";
import { transition } from "./transitions";

type ProposalRecord = Prisma.ProposalGetPayload<object>;

/** 400 naming one request field, as input validation does. */
export function fieldError(path: string, message: string): AppError {
  return new AppError("invalid_request", `Invalid input: ${path}: ${message}`, { fields: [{ path, message, type: "value_error" }] });
}

function deliverablesJson(deliverables: CreateProposalBody["deliverables"]): Prisma.InputJsonArray {
  return deliverables.map((d) => ({ type: d.type, description: d.description, dueDate: d.dueDate.toISOString(), requirements: d.requirements || null }));
}

/** Only the terms that are set, so the stored JSON stays small and unset means absent. */
function termsJson(terms: Partial<Record<string, string | null | undefined>>): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(terms).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/**
 * Checks the other party and the campaign: the recipient must be an active user of the
 * other participant role, and a campaign must belong to the brand party.
 */
async function checkParties(tx: DbTx, actor: Actor, recipientId: string, campaignId: string | null): Promise<void> {
  if (recipientId === actor.id) throw fieldError("body.recipientId", "cannot send a proposal to yourself");
  const otherRole = actor.role === "creator" ? "brand" : "creator";
  const recipient = await tx.user.findFirst({ where: { id: recipientId, active: true }, select: { role: true } });
  if (!recipient || recipient.role !== otherRole) throw fieldError("body.recipientId", `must be the id of a ${otherRole}`);
  if (campaignId) {
    const brandId = actor.role === "brand" ? actor.id : recipientId;
    const campaign = await tx.campaign.findFirst({ where: { id: campaignId, brandId }, select: { id: true } });
    if (!campaign) throw fieldError("body.campaignId", "must be a campaign of the brand party");
  }
}

/**
 * One open offer at a time: a sender may not have two unanswered (sent) proposals to the
 * same recipient for the same campaign, or both for none. The advisory lock on the pair
 * serialises concurrent creates and sends, so two cannot both pass the check.
 */
async function refuseDuplicateOffer(tx: DbTx, offer: { senderId: string; recipientId: string; campaignId: string | null; exceptId?: string }): Promise<void> {
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
    throw new AppError("conflict", `An unanswered proposal to this recipient ${offer.campaignId ? "for this campaign" : "without a campaign"} already exists: ${existing.id}. Wait for its answer, or counter it.`, {
      proposalId: existing.id,
    });
  }
}

function checkTimeline(startDate: Date, endDate: Date): void {
  if (endDate.getTime() <= startDate.getTime()) throw fieldError("body.timeline.endDate", "must be after startDate");
}

/**
 * Shows the proposal an action's transaction names, once it has committed: the view's
 * includes are read in parallel, which one transaction connection could only queue.
 */
async function thenShow(work: Promise<string>): Promise<ProposalResponse> {
  return loadProposalView(getDb(), await work);
}

function notYourTurn(message: string): AppError {
  return new AppError("insufficient_permissions", message);
}

/** The fields of a proposal after applying optional changes to an existing one. */
function mergedFields(base: ProposalRecord, changes: CounterProposalBody) {
  const startDate = changes.timeline?.startDate ?? base.startDate;
  const endDate = changes.timeline?.endDate ?? base.endDate;
  checkTimeline(startDate, endDate);
  const paymentSchedule = changes.compensation?.paymentSchedule;
  return {
    campaignId: changes.campaignId !== undefined ? changes.campaignId : base.campaignId,
    deliverables: changes.deliverables ? deliverablesJson(changes.deliverables) : (storedDeliverables(base.deliverables) as unknown as Prisma.InputJsonArray),
    amountMinor: changes.compensation?.amount !== undefined ? amountToMinor(changes.compensation.amount) : base.amountMinor,
    currency: changes.compensation?.currency ?? base.currency,
    paymentSchedule: paymentSchedule !== undefined ? paymentSchedule || null : base.paymentSchedule,
    startDate,
    endDate,
    terms: termsJson({ ...termsView(base.terms), ...changes.terms }),
  };
}

export async function createProposal(options: { actor: Actor; body: CreateProposalBody }): Promise<ProposalResponse> {
  const { actor, body } = options;
  requireParticipant(actor);
  return thenShow(getDb().$transaction(async (tx) => {
    await checkParties(tx, actor, body.recipientId, body.campaignId ?? null);
    await refuseDuplicateOffer(tx, { senderId: actor.id, recipientId: body.recipientId, campaignId: body.campaignId ?? null });
    const now = new Date();
    const proposal = await tx.proposal.create({
      data: {
        senderId: actor.id,
        recipientId: body.recipientId,
        campaignId: body.campaignId ?? null,
        status: "draft",
        deliverables: deliverablesJson(body.deliverables),
        amountMinor: amountToMinor(body.compensation.amount),
        currency: body.compensation.currency,
        paymentSchedule: body.compensation.paymentSchedule || null,
        startDate: body.timeline.startDate,
        endDate: body.timeline.endDate,
        terms: termsJson(body.terms),
        createdAt: now,
        history: { create: { userId: actor.id, action: "created", occurredAt: now } },
      },
      select: { id: true },
    });
    return proposal.id;
  }));
}

/** One proposal for either party; the recipient's first look at a sent proposal is recorded as "viewed". */
export async function getProposal(options: { actor: Actor; proposalId: string }): Promise<ProposalResponse> {
  const { actor, proposalId } = options;
  return thenShow(getDb().$transaction(async (tx) => {
    const { proposal, side } = await proposalForParty(tx, actor, proposalId);
    if (side === "recipient" && proposal.status !== "draft") {
      const seen = { proposalId, userId: actor.id, action: "viewed" } as const;
      if (!(await tx.proposalEvent.findFirst({ where: seen, select: { id: true } }))) {
        // Lock and look again so two first looks at once record one view.
        await proposalForParty(tx, actor, proposalId, { lock: true });
        if (!(await tx.proposalEvent.findFirst({ where: seen, select: { id: true } }))) {
          await tx.proposalEvent.create({ data: { ...seen, occurredAt: new Date() } });
        }
      }
    }
    return proposalId;
  }));
}

export async function listProposals(options: { actor: Actor; query: ListProposalsQuery }): Promise<{ proposals: ProposalListItem[]; pagination: { total: number; pages: number; current: number; limit: number } }> {
  const { actor, query } = options;
  requireParticipant(actor);
  const where: Prisma.ProposalWhereInput = { AND: [visibleProposals(actor, query.role), query.status ? { status: query.status } : {}] };
  const db = getDb();
  const [total, rows] = await Promise.all([
    db.proposal.count({ where }),
    db.proposal.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.limit,
      take: query.limit,
      include: { sender: { select: partySelect }, recipient: { select: partySelect }, campaign: { select: { name: true } } },
    }),
  ]);
  return {
    proposals: rows.map((p) => ({
      id: p.id,
      status: p.status,
      senderId: p.senderId,
      senderName: partyName(p.sender),
      recipientId: p.recipientId,
      recipientName: partyName(p.recipient),
      campaignId: p.campaignId,
      campaignName: p.campaign?.name ?? null,
      compensation: { amount: amountFromMinor(p.amountMinor), currency: p.currency },
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
    })),
    pagination: { total, pages: Math.ceil(total / query.limit), current: query.page, limit: query.limit },
  };
}

/** Edits a draft; only its sender may. */
export async function updateProposal(options: { actor: Actor; proposalId: string; body: UpdateProposalBody }): Promise<ProposalResponse> {
  const { actor, proposalId, body } = options;
  return thenShow(getDb().$transaction(async (tx) => {
    const { proposal, side } = await proposalForParty(tx, actor, proposalId);
    if (side !== "sender") throw notYourTurn("Only the sender can edit a proposal");
    const notDraft = () =>
      new AppError("invalid_state", `Cannot edit a proposal that is ${proposal.status}; only drafts can be edited`, { entity: "proposal", from: proposal.status, to: null });
    if (proposal.status !== "draft") throw notDraft();
    const fields = mergedFields(proposal, body);
    const recipientId = body.recipientId ?? proposal.recipientId;
    if (body.recipientId !== undefined || body.campaignId !== undefined) await checkParties(tx, actor, recipientId, fields.campaignId);
    const now = new Date();
    // Conditional on still being a draft: a concurrent send wins and this edit is refused.
    const { count } = await tx.proposal.updateMany({ where: { id: proposalId, status: "draft" }, data: { ...fields, recipientId, updatedAt: now } });
    if (count !== 1) throw notDraft();
    // No history event: edits to a draft are the sender's own business until it is sent.
    return proposalId;
  }));
}

/** draft → sent, by the sender. */
export async function sendProposal(options: { actor: Actor; proposalId: string }): Promise<ProposalResponse> {
  const { actor, proposalId } = options;
  return thenShow(getDb().$transaction(async (tx) => {
    const { proposal, side } = await proposalForParty(tx, actor, proposalId);
    if (side !== "sender") throw notYourTurn("Only the sender can send a proposal");
    await refuseDuplicateOffer(tx, { senderId: actor.id, recipientId: proposal.recipientId, campaignId: proposal.campaignId, exceptId: proposalId });
    await transition(tx, "proposal", proposalId, "sent", { from: ["draft"] });
    const now = new Date();
    await tx.proposal.update({ where: { id: proposalId }, data: { sentAt: now, history: { create: { userId: actor.id, action: "sent", occurredAt: now } } } });
    return proposalId;
  }));
}

/** sent → rejected, by the recipient, with an optional reason. */
export async function rejectProposal(options: { actor: Actor; proposalId: string; reason?: string }): Promise<ProposalResponse> {
  const { actor, proposalId } = options;
  const reason = options.reason || null;
  return thenShow(getDb().$transaction(async (tx) => {
    const { side } = await proposalForParty(tx, actor, proposalId);
    if (side !== "recipient") throw notYourTurn("Only the recipient can reject a proposal");
    await transition(tx, "proposal", proposalId, "rejected", { from: ["sent"] });
    const now = new Date();
    await tx.proposal.update({
      where: { id: proposalId },
      data: { rejectionReason: reason, respondedAt: now, history: { create: { userId: actor.id, action: "rejected", note: reason, occurredAt: now } } },
    });
    return proposalId;
  }));
}

/**
 * sent → countered, by the recipient: a new proposal from the recipient back to the
 * sender, already sent, copying every field the counter does not change.
 */
export async function counterProposal(options: { actor: Actor; proposalId: string; body: CounterProposalBody }): Promise<ProposalResponse> {
  const { actor, proposalId, body } = options;
  try {
    return await thenShow(getDb().$transaction(async (tx) => {
      const { proposal, side } = await proposalForParty(tx, actor, proposalId);
      if (side !== "recipient") throw notYourTurn("Only the recipient can counter a proposal");
      await transition(tx, "proposal", proposalId, "countered", { from: ["sent"] });
      const fields = mergedFields(proposal, body);
      if (body.campaignId) await checkParties(tx, actor, proposal.senderId, body.campaignId);
      await refuseDuplicateOffer(tx, { senderId: actor.id, recipientId: proposal.senderId, campaignId: fields.campaignId });
      const now = new Date();
      const counter = await tx.proposal.create({
        data: {
          ...fields,
          senderId: actor.id,
          recipientId: proposal.senderId,
          counterOfId: proposal.id,
          status: "sent",
          sentAt: now,
          createdAt: now,
          history: {
            create: [
              { userId: actor.id, action: "created", note: "Counter-proposal", occurredAt: now },
              { userId: actor.id, action: "sent", occurredAt: now },
            ],
          },
        },
        select: { id: true },
      });
      await tx.proposal.update({
        where: { id: proposalId },
        data: { respondedAt: now, history: { create: { userId: actor.id, action: "countered", note: `Countered with proposal ${counter.id}`, occurredAt: now } } },
      });
      return counter.id;
    }));
  } catch (error) {
    // counterOfId is unique: a proposal is countered at most once.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("invalid_state", "This proposal has already been countered", { entity: "proposal", to: "countered" });
    }
    throw error;
  }
}
