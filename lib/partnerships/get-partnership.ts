/** One partnership in detail, for either of its two parties (404 for anyone else). */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { partnershipForParty } from "./access";
import { disputeInclude, toDisputeSummary } from "./dispute-view";
import { toMajor } from "../money";
import { planFromJson, planView } from "./payment-plan";
import type { PartnershipResponse } from "./schemas/partnerships";
import { partyDetails, partySelect, termsView } from "./proposal-view";

export interface GetPartnershipOptions {
  actor: Actor;
  partnershipId: string;
  /** The transaction to read in, when the caller has one open. */
  db?: DbTx;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function getPartnership(options: GetPartnershipOptions): Promise<PartnershipResponse> {
  const db = options.db ?? getDb();
  await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const p = await db.partnership.findUniqueOrThrow({
    where: { id: options.partnershipId },
    include: {
      creator: { select: partySelect },
      brand: { select: partySelect },
      campaign: { select: { name: true } },
      contract: { select: { id: true, status: true } },
      deliverables: { orderBy: { position: "asc" } },
      // Plan order for the payments made at acceptance; enum order (initial, milestone, final) for older rows.
      payments: { orderBy: [{ createdAt: "asc" }, { position: { sort: "asc", nulls: "last" } }, { type: "asc" }, { id: "asc" }] },
      activity: { orderBy: [{ createdAt: "asc" }, { seq: "asc" }], include: { user: { select: { name: true } } } },
      disputes: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: disputeInclude },
    },
  });
  return {
    id: p.id,
    status: p.status,
    creatorId: p.creatorId,
    creatorDetails: partyDetails(p.creator),
    brandId: p.brandId,
    brandDetails: partyDetails(p.brand),
    campaignId: p.campaignId,
    campaignName: p.campaign?.name ?? null,
    proposalId: p.proposalId,
    contractId: p.contract?.id ?? null,
    contractStatus: p.contract?.status ?? null,
    deliverables: p.deliverables.map((d) => ({
      id: d.id,
      type: d.type,
      description: d.description,
      dueDate: d.dueDate.toISOString(),
      requirements: d.requirements,
      status: d.status,
      submissionUrl: d.submissionUrl,
      feedback: d.feedback,
      submittedAt: iso(d.submittedAt),
      approvedAt: iso(d.approvedAt),
      reviewDeadlineAt: iso(d.reviewDeadlineAt),
      autoApproved: d.autoApproved,
    })),
    compensation: {
      amount: toMajor(p.amountMinor),
      currency: p.currency,
      paymentSchedule: p.paymentSchedule,
      paymentPlan: planView(planFromJson(p.paymentPlan)),
      payments: p.payments.map((x) => ({
        id: x.id,
        type: x.type,
        amount: toMajor(x.amountMinor),
        status: x.status,
        dueDate: iso(x.dueDate),
        paidAt: iso(x.paidAt),
      })),
    },
    timeline: {
      startDate: p.startDate.toISOString(),
      endDate: p.endDate.toISOString(),
      // Each deliverable is a milestone, reached when the brand approves it.
      milestones: p.deliverables.map((d) => ({
        description: d.description,
        dueDate: d.dueDate.toISOString(),
        status: d.status === "approved" ? ("completed" as const) : ("pending" as const),
        completedAt: d.status === "approved" ? iso(d.approvedAt) : null,
      })),
    },
    terms: termsView(p.terms),
    activity: p.activity.map((a) => ({
      type: a.type,
      description: a.description,
      userId: a.userId,
      userName: a.user?.name ?? null,
      timestamp: a.createdAt.toISOString(),
    })),
    completedAt: iso(p.completedAt),
    terminatedAt: iso(p.terminatedAt),
    terminationReason: p.terminationReason,
    disputes: p.disputes.map(toDisputeSummary),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
