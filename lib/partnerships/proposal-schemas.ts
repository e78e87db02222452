/**
 * Request and response schemas of the proposals part of the partnerships API
 * (../shared/spec/partnerships-api.md). Field names are camelCase as the spec writes
 * them; amounts are decimal numbers of the currency (stored as minor units).
 */
import { z } from "zod";
import { amountToMinor } from "./money";
import { MAX_AMOUNT, withinYears, YEARS_MESSAGE } from "../api/bounds";
import { paginationQuery } from "../api/query-params";
import { paginationResponse, partnershipResponse, partyDetailsResponse, termsResponse, uuidString } from "./partnership-schemas";

export const PROPOSAL_STATUSES = ["draft", "sent", "accepted", "countered", "rejected"] as const;
export const PROPOSAL_ACTIONS = ["created", "sent", "viewed", "accepted", "countered", "rejected"] as const;

/** An ISO 8601 date (YYYY-MM-DD) or timestamp with an offset, as a Date. */
export const isoDateInput = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or timestamp" })
  .transform((value) => new Date(value))
  .refine(withinYears, YEARS_MESSAGE);

const text = (max: number) => z.string().trim().min(1).max(max);

export const currencyInput = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO 4217 code")
  .transform((value) => value.toUpperCase());

/** A positive amount with at most two decimals, small enough to stay exact. */
export const amountInput = z
  .number()
  .positive()
  .max(MAX_AMOUNT)
  .refine((value) => {
    try {
      amountToMinor(value);
      return true;
    } catch {
      return false;
    }
  }, "must have at most two decimal places");

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
  compensation: z.object({ amount: amountInput, currency: currencyInput, paymentSchedule: paymentScheduleInput.optional() }),
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
    .object({ amount: amountInput.optional(), currency: currencyInput.optional(), paymentSchedule: paymentScheduleInput.nullable().optional() })
    .optional(),
  timeline: z.object({ startDate: isoDateInput.optional(), endDate: isoDateInput.optional() }).optional(),
  terms: termsInput.optional(),
};

export const updateProposalBody = z.object({ recipientId: uuidString.optional(), ...changesFields });

/** A counter-proposal: unspecified fields are copied from the proposal it counters. */
export const counterProposalBody = z.object(changesFields).default({});

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

const isoDateTime = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable();

export const proposalDeliverableResponse = z.object({
  type: z.string(),
  description: z.string(),
  dueDate: isoDateTime,
  requirements: nullableString,
});

export const proposalResponse = z.object({
  id: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  senderId: z.string(),
  senderType: z.enum(["creator", "brand"]),
  senderDetails: partyDetailsResponse,
  recipientId: z.string(),
  recipientType: z.enum(["creator", "brand"]),
  recipientDetails: partyDetailsResponse,
  campaignId: nullableString,
  campaignName: nullableString,
  counterOfId: nullableString,
  deliverables: z.array(proposalDeliverableResponse),
  compensation: z.object({ amount: z.number(), currency: z.string().length(3), paymentSchedule: nullableString }),
  timeline: z.object({ startDate: isoDateTime, endDate: isoDateTime }),
  terms: termsResponse,
  rejectionReason: nullableString,
  sentAt: isoDateTime.nullable(),
  respondedAt: isoDateTime.nullable(),
  history: z.array(z.object({ action: z.enum(PROPOSAL_ACTIONS), timestamp: isoDateTime, userId: z.string(), note: nullableString })),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
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
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const listProposalsResponse = z.object({
  proposals: z.array(proposalListItemResponse),
  pagination: paginationResponse,
});

export const acceptProposalResponse = z.object({ proposal: proposalResponse, partnership: partnershipResponse });

export type ProposalResponse = z.infer<typeof proposalResponse>;
export type ProposalListItem = z.infer<typeof proposalListItemResponse>;
