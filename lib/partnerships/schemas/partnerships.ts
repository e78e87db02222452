/**
 * Request and response schemas of the partnership reads (Get Partnership, List
 * Partnerships) and the response pieces the proposal schemas share.
 */
import { z } from "zod";
import { ContractStatus, DeliverableStatus, PartnershipStatus, PartyRole } from "../../generated/prisma/enums";
import { isoTimestamp } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { uuidString } from "../../schemas/ids";
import { paginationQuery, paginationResponse } from "../../schemas/pagination";
import { disputeSummary } from "./disputes";
import { PAYMENT_STATUSES, PAYMENT_TYPES, paymentPlanResponse } from "./payments";

export const PARTNERSHIP_STATUSES = enumValues(PartnershipStatus);

export const listPartnershipsQuery = z.object({
  status: z.enum(PARTNERSHIP_STATUSES).optional(),
  role: z.enum(PartyRole).optional(),
  campaignId: uuidString.optional(),
  ...paginationQuery,
});

export type ListPartnershipsQuery = z.output<typeof listPartnershipsQuery>;

// ─── Responses ────────────────────────────────────────────────────────────────

const nullableString = z.string().nullable();
const nullableDateTime = isoTimestamp.nullable();

export const partyDetailsResponse = z.object({
  name: z.string(),
  image: nullableString,
  /** Creators: their public handle. */
  handle: nullableString.optional(),
  /** Brands: the company the user acts for. */
  companyName: nullableString.optional(),
});

export type PartyDetails = z.infer<typeof partyDetailsResponse>;

export const termsResponse = z.object({
  contentRights: nullableString,
  exclusivity: nullableString,
  revisions: nullableString,
  additionalTerms: nullableString,
});

export const partnershipDeliverableResponse = z.object({
  id: z.string(),
  type: z.string(),
  description: z.string(),
  dueDate: isoTimestamp,
  requirements: nullableString,
  status: z.enum(DeliverableStatus),
  submissionUrl: nullableString,
  feedback: nullableString,
  submittedAt: nullableDateTime,
  approvedAt: nullableDateTime,
  /** While submitted: when it is approved automatically unless the brand reviews it first. */
  reviewDeadlineAt: nullableDateTime,
  autoApproved: z.boolean(),
});

export const partnershipPaymentSummaryResponse = z.object({
  id: z.string(),
  type: z.enum(PAYMENT_TYPES),
  amount: z.number(),
  status: z.enum(PAYMENT_STATUSES),
  dueDate: nullableDateTime,
  paidAt: nullableDateTime,
});

export const partnershipResponse = z.object({
  id: z.string(),
  status: z.enum(PARTNERSHIP_STATUSES),
  creatorId: z.string(),
  creatorDetails: partyDetailsResponse,
  brandId: z.string(),
  brandDetails: partyDetailsResponse,
  campaignId: nullableString,
  campaignName: nullableString,
  proposalId: z.string(),
  contractId: nullableString,
  /** The contract's status; null before one is generated. The partnership is in force only once it is active. */
  contractStatus: z.enum(ContractStatus).nullable(),
  deliverables: z.array(partnershipDeliverableResponse),
  compensation: z.object({
    amount: z.number(),
    currency: z.string().length(3),
    paymentSchedule: nullableString,
    /** The plan the payments were made from; null for a partnership made before plans were stored. */
    paymentPlan: paymentPlanResponse,
    payments: z.array(partnershipPaymentSummaryResponse),
  }),
  timeline: z.object({
    startDate: isoTimestamp,
    endDate: isoTimestamp,
    milestones: z.array(
      z.object({ description: z.string(), dueDate: isoTimestamp, status: z.enum(["pending", "completed"]), completedAt: nullableDateTime }),
    ),
  }),
  terms: termsResponse,
  activity: z.array(
    z.object({ type: z.string(), description: z.string(), userId: nullableString, userName: nullableString, timestamp: isoTimestamp }),
  ),
  completedAt: nullableDateTime,
  terminatedAt: nullableDateTime,
  terminationReason: nullableString,
  /** Every dispute of the partnership, open and resolved, oldest first. */
  disputes: z.array(disputeSummary),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const partnershipListItemResponse = z.object({
  id: z.string(),
  status: z.enum(PARTNERSHIP_STATUSES),
  creatorId: z.string(),
  creatorName: z.string(),
  brandId: z.string(),
  brandName: z.string(),
  campaignId: nullableString,
  campaignName: nullableString,
  /** The contract's status; null before one is generated. */
  contractStatus: z.enum(ContractStatus).nullable(),
  compensation: z.object({ amount: z.number(), currency: z.string().length(3) }),
  startDate: isoTimestamp,
  endDate: isoTimestamp,
  deliverablesCount: z.number().int().nonnegative(),
  deliverablesCompleted: z.number().int().nonnegative(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const listPartnershipsResponse = z.object({
  partnerships: z.array(partnershipListItemResponse),
  pagination: paginationResponse,
});

export type PartnershipResponse = z.infer<typeof partnershipResponse>;
export type PartnershipListItem = z.infer<typeof partnershipListItemResponse>;
