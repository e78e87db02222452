/**
 * Request and response schemas of the proposals part of the partnerships API
 * (../shared/spec/partnerships-api.md). Field names are camelCase as the spec writes
 * them; amounts are decimal numbers of the currency (stored as minor units).
 */
import { z } from "zod";
import { PartyRole, ProposalAction, ProposalStatus } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { isoDateInput, isoTimestamp } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { uuidString } from "../../schemas/ids";
import { decimalAmount } from "../../schemas/money";
import { paginationQuery, paginationResponse } from "../../schemas/pagination";
import { partnershipResponse, partyDetailsResponse, termsResponse } from "./partnerships";
import { paymentPlanResponse } from "./payments";

export const PROPOSAL_STATUSES = enumValues(ProposalStatus);
export const PROPOSAL_ACTIONS = enumValues(ProposalAction);

const text = (max: number) => z.string().trim().min(1).max(max);

export const deliverableInput = z.object({
  type: text(64),
  description: text(2_000),
  dueDate: isoDateInput,
  requirements: z.string().trim().max(4_000).optional(),
});

const deliverablesInput = z.array(deliverableInput).min(1).max(50);

const termsInput = z.object({
  contentRights: z.string().trim().max(4_000).optional(),
  exclusivity: z.string().trim().max(4_000).optional(),
  revisions: z.string().trim().max(4_000).optional(),
  additionalTerms: z.string().trim().max(8_000).optional(),
});

const paymentScheduleInput = z.string().trim().max(500);

export const createProposalBody = z.object({
  recipientId: uuidString,
  campaignId: uuidString.optional(),
  deliverables: deliverablesInput,
  compensation: z.object({ amount: decimalAmount, currency: currencyCode, paymentSchedule: paymentScheduleInput.optional() }),
  timeline: z
    .object({ startDate: isoDateInput, endDate: isoDateInput })
    .refine((t) => t.endDate.getTime() > t.startDate.getTime(), { message: "must be after startDate", path: ["endDate"] }),
  terms: termsInput.default({}),
});

/** Changes to a proposal: every field optional; nested objects are merged with what is there. */
const changesFields = {
  campaignId: uuidString.nullable().optional(),
  deliverables: deliverablesInput.optional(),
  compensation: z
    .object({
      amount: decimalAmount.optional(),
      currency: currencyCode.optional(),
      paymentSchedule: paymentScheduleInput.nullable().optional(),
    })
    .optional(),
  timeline: z.object({ startDate: isoDateInput.optional(), endDate: isoDateInput.optional() }).optional(),
  terms: termsInput.optional(),
};

export const updateProposalBody = z.object({ recipientId: uuidString.optional(), ...changesFields });

/** A counter-proposal: unspecified fields are copied from the proposal it counters. */
export const counterProposalBody = z
  .object({
    ...changesFields,
    /** Why the terms changed, for the other party; kept in the counter-proposal's history. */
    message: z.string().trim().max(2000).optional(),
  })
  .default({});

export const rejectProposalBody = z.object({ reason: z.string().trim().max(2_000).optional() }).default({});

export const listProposalsQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  role: z.enum(["sender", "recipient"]).optional(),
  ...paginationQuery,
});

export type CreateProposalBody = z.output<typeof createProposalBody>;
export type UpdateProposalBody = z.output<typeof updateProposalBody>;
export type CounterProposalBody = z.output<typeof counterProposalBody>;
export type ListProposalsQuery = z.output<typeof listProposalsQuery>;

// ─── Responses ────────────────────────────────────────────────────────────────

const nullableString = z.string().nullable();

export const proposalDeliverableResponse = z.object({
  type: z.string(),
  description: z.string(),
  dueDate: isoTimestamp,
  requirements: nullableString,
});

export const proposalResponse = z.object({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  senderId: z.string(),
  senderType: z.enum(PartyRole),
  senderDetails: partyDetailsResponse,
  recipientId: z.string(),
  recipientType: z.enum(PartyRole),
  recipientDetails: partyDetailsResponse,
  campaignId: nullableString,
  campaignName: nullableString,
  counterOfId: nullableString,
  deliverables: z.array(proposalDeliverableResponse),
  compensation: z.object({
    amount: z.number(),
    currency: z.string().length(3),
    paymentSchedule: nullableString,
    /** The schedule read item by item; null only for a schedule stored before schedules were checked that cannot be read. */
    paymentPlan: paymentPlanResponse,
  }),
  timeline: z.object({ startDate: isoTimestamp, endDate: isoTimestamp }),
  terms: termsResponse,
  rejectionReason: nullableString,
  sentAt: isoTimestamp.nullable(),
  respondedAt: isoTimestamp.nullable(),
  history: z.array(z.object({ action: z.enum(PROPOSAL_ACTIONS), timestamp: isoTimestamp, userId: z.string(), note: nullableString })),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const proposalListItemResponse = z.object({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  senderId: z.string(),
  senderName: z.string(),
  recipientId: z.string(),
  recipientName: z.string(),
  campaignId: nullableString,
  campaignName: nullableString,
  compensation: z.object({ amount: z.number(), currency: z.string().length(3) }),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});

export const listProposalsResponse = z.object({
  proposals: z.array(proposalListItemResponse),
  pagination: paginationResponse,
});

export const acceptProposalResponse = z.object({ proposal: proposalResponse, partnership: partnershipResponse });

export type ProposalResponse = z.infer<typeof proposalResponse>;
export type ProposalListItem = z.infer<typeof proposalListItemResponse>;
