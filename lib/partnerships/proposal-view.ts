/**
 * How proposals (and the parties of proposals and partnerships) are loaded and shown:
 * one query per proposal with its parties, campaign and history.
 */
import type { Actor } from "../auth/actor";
import type { DbTx, Prisma } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { requireParticipant, type PartyAccess } from "./access";
import { requirePermission } from "../organizations/permissions";
import { toMajor } from "../money";
import { parsePaymentPlan, PaymentPlanError, planFromJson, planView, type PlanItem } from "./payment-plan";
import type { PartyDetails } from "./schemas/partnerships";
import type { ProposalResponse } from "./schemas/proposals";

export const partySelect = {
  id: true,
  name: true,
  image: true,
  role: true,
  creatorProfile: { select: { handle: true } },
  brandProfile: { select: { companyName: true } },
} as const satisfies Prisma.UserSelect;

export type PartyRow = Prisma.UserGetPayload<{ select: typeof partySelect }>;

/** Only an organisation's party account (the member holding its brand or creator profile) is a party. */
export function partyProfile(role: "creator" | "brand"): Prisma.UserWhereInput {
  return role === "brand" ? { brandProfile: { isNot: null } } : { creatorProfile: { isNot: null } };
}

/** Brands are shown by their company, creators by their own name. */
export function partyName(user: PartyRow): string {
  return user.role === "brand" ? (user.brandProfile?.companyName ?? user.name) : user.name;
}

export function partyDetails(user: PartyRow): PartyDetails {
  return user.role === "brand"
    ? { name: partyName(user), image: user.image, companyName: user.brandProfile?.companyName ?? null }
    : { name: partyName(user), image: user.image, handle: user.creatorProfile?.handle ?? null };
}

export function partyType(user: PartyRow): "creator" | "brand" {
  return user.role === "brand" ? "brand" : "creator";
}

/** The stored terms JSON as the API shows it: every key present, null when unset. */
export function termsView(terms: Prisma.JsonValue): ProposalResponse["terms"] {
  const t = (terms && typeof terms === "object" && !Array.isArray(terms) ? terms : {}) as Record<string, unknown>;
  const str = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
  return {
    contentRights: str(t.contentRights),
    exclusivity: str(t.exclusivity),
    revisions: str(t.revisions),
    additionalTerms: str(t.additionalTerms),
  };
}

export interface StoredDeliverable {
  type: string;
  description: string;
  dueDate: string;
  requirements: string | null;
}

/** The proposal's deliverables JSON ([{ type, description, dueDate, requirements }]). */
export function storedDeliverables(value: Prisma.JsonValue): StoredDeliverable[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const d = (item ?? {}) as Record<string, unknown>;
    return {
      type: String(d.type ?? ""),
      description: String(d.description ?? ""),
      dueDate: new Date(String(d.dueDate)).toISOString(),
      requirements: typeof d.requirements === "string" && d.requirements !== "" ? d.requirements : null,
    };
  });
}

/**
 * The proposal's payment plan: the stored one, or for a proposal stored before plans
 * were, its schedule read now; null if that schedule cannot be read.
 */
export function proposalPlan(p: Prisma.ProposalGetPayload<object>): PlanItem[] | null {
  const stored = planFromJson(p.paymentPlan);
  if (stored) return stored;
  try {
    return parsePaymentPlan(p.paymentSchedule, {
      totalMinor: p.amountMinor,
      currency: p.currency,
      deliverableCount: storedDeliverables(p.deliverables).length,
    });
  } catch (error) {
    if (error instanceof PaymentPlanError) return null;
    throw error;
  }
}

export const proposalInclude = {
  sender: { select: partySelect },
  recipient: { select: partySelect },
  campaign: { select: { name: true } },
  // Same-instant events (created and sent together) keep their natural order by action.
  history: { orderBy: [{ occurredAt: "asc" }, { action: "asc" }] },
} as const satisfies Prisma.ProposalInclude;

export type ProposalRow = Prisma.ProposalGetPayload<{ include: typeof proposalInclude }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function proposalView(p: ProposalRow): ProposalResponse {
  return {
    id: p.id,
    status: p.status,
    senderId: p.senderId,
    senderType: partyType(p.sender),
    senderDetails: partyDetails(p.sender),
    recipientId: p.recipientId,
    recipientType: partyType(p.recipient),
    recipientDetails: partyDetails(p.recipient),
    campaignId: p.campaignId,
    campaignName: p.campaign?.name ?? null,
    counterOfId: p.counterOfId,
    deliverables: storedDeliverables(p.deliverables),
    compensation: {
      amount: toMajor(p.amountMinor),
      currency: p.currency,
      paymentSchedule: p.paymentSchedule,
      paymentPlan: planView(proposalPlan(p)),
    },
    timeline: { startDate: p.startDate.toISOString(), endDate: p.endDate.toISOString() },
    terms: termsView(p.terms),
    rejectionReason: p.rejectionReason,
    sentAt: iso(p.sentAt),
    respondedAt: iso(p.respondedAt),
    history: p.history.map((e) => ({ action: e.action, timestamp: e.occurredAt.toISOString(), userId: e.userId, note: e.note })),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A draft is its sender's alone: the recipient sees a proposal only once it is sent. */
export function visibleTo(actor: Actor, proposal: { senderId: string; recipientId: string; status: string }): boolean {
  return proposal.senderId === actor.partyId || (proposal.recipientId === actor.partyId && proposal.status !== "draft");
}

/** Where-clause of the proposals the actor may see (as sender, as recipient, or both). */
export function visibleProposals(actor: Actor, role?: "sender" | "recipient"): Prisma.ProposalWhereInput {
  const asSender = { senderId: actor.partyId };
  const asRecipient = { recipientId: actor.partyId, status: { not: "draft" as const } };
  return role === "sender" ? asSender : role === "recipient" ? asRecipient : { OR: [asSender, asRecipient] };
}

/** The proposal if the actor is its sender or (once sent) its recipient; 404 otherwise (also for non-UUID ids). */
export async function proposalForParty(tx: DbTx, actor: Actor, proposalId: string, options: PartyAccess) {
  requireParticipant(actor);
  const proposal = await findOrNotFound("Proposal", proposalId, async (id) => {
    if (options.lock) await tx.$queryRaw`SELECT id FROM proposals WHERE id = ${id}::uuid FOR UPDATE`;
    const found = await tx.proposal.findUnique({ where: { id } });
    return found && visibleTo(actor, found) ? found : null;
  });
  requirePermission(actor, options.permission);
  return { proposal, side: proposal.senderId === actor.partyId ? ("sender" as const) : ("recipient" as const) };
}

export async function loadProposalView(tx: DbTx, proposalId: string): Promise<ProposalResponse> {
  return proposalView(await tx.proposal.findUniqueOrThrow({ where: { id: proposalId }, include: proposalInclude }));
}
