/**
 * Request and response schemas of the partnership reads (Get Partnership, List
 * Partnerships) and the pieces the other partnerships schemas share.
 */
import { z } from "zod";
import { paginationQuery } from "../api/query-params";
import { isUuid } from "../ids";

export const uuidString = z.string().refine(isUuid, "must be a UUID");

export const PARTNERSHIP_STATUSES = ["active", "completed", "terminated"] as const;

export const listPartnershipsQuery = z.object({
  status: z.enum(PARTNERSHIP_STATUSES).optional(),
  role: z.enum(["creator", "brand"]).optional(),
  campaignId: uuidString.optional(),
  ...paginationQuery,
});

export type ListPartnershipsQuery = z.output<typeof listPartnershipsQuery>;

// ─── Responses ────────────────────────────────────────────────────────────────

const isoDateTime = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable();
const nullableDateTime = isoDateTime.nullable();

export const paginationResponse = z.object({
  total: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  current: z.number().int().positive(),
  limit: z.number().int().positive(),
});

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
  dueDate: isoDateTime,
  requirements: nullableString,
  status: z.enum(["pending", "in_progress", "submitted", "approved", "rejected"]),
  submissionUrl: nullableString,
  feedback: nullableString,
  submittedAt: nullableDateTime,
  approvedAt: nullableDateTime,
});

export const partnershipPaymentSummaryResponse = z.object({
  id: z.string(),
  type: z.enum(["initial", "milestone", "final"]),
  amount: z.number(),
  status: z.enum(["pending", "in_progress", "completed", "failed"]),
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
  deliverables: z.array(partnershipDeliverableResponse),
  compensation: z.object({
    amount: z.number(),
    currency: z.string().length(3),
    paymentSchedule: nullableString,
    payments: z.array(partnershipPaymentSummaryResponse),
  }),
  timeline: z.object({
    startDate: isoDateTime,
    endDate: isoDateTime,
    milestones: z.array(
      z.object({ description: z.string(), dueDate: isoDateTime, status: z.enum(["pending", "completed"]), completedAt: nullableDateTime }),
    ),
  }),
  terms: termsResponse,
  activity: z.array(
    z.object({ type: z.string(), description: z.string(), userId: nullableString, userName: nullableString, timestamp: isoDateTime }),
  ),
  completedAt: nullableDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
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
  compensation: z.object({ amount: z.number(), currency: z.string().length(3) }),
  startDate: isoDateTime,
  endDate: isoDateTime,
  deliverablesCount: z.number().int().nonnegative(),
  deliverablesCompleted: z.number().int().nonnegative(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const listPartnershipsResponse = z.object({
  partnerships: z.array(partnershipListItemResponse),
  pagination: paginationResponse,
});

export type PartnershipResponse = z.infer<typeof partnershipResponse>;
export type PartnershipListItem = z.infer<typeof partnershipListItemResponse>;
