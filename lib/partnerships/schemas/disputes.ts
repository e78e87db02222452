/**
 * Request and response schemas of a partnership's disputes. Amounts are
 * decimal numbers of the partnership's currency, stored as integer minor units.
 */
import { z } from "zod";
import { DisputeOutcome, DisputeStatus } from "../../generated/prisma/enums";
import { isoTimestamp } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { uuid, uuidString } from "../../schemas/ids";
import { decimalAmount } from "../../schemas/money";

export const DISPUTE_STATUSES = enumValues(DisputeStatus);
export const DISPUTE_OUTCOMES = enumValues(DisputeOutcome);

export const MAX_EVIDENCE_URLS = 10;

/** Evidence is opened by the other party and the platform in a browser: web links only. */
const evidenceUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, "must be an http or https URL");

export const openDisputeBody = z
  .strictObject({
    deliverableId: uuidString.optional(),
    paymentId: uuidString.optional(),
    reason: z.string().trim().min(1, "is required").max(5000),
    evidenceUrls: z.array(evidenceUrl).max(MAX_EVIDENCE_URLS).optional(),
  })
  .superRefine((body, context) => {
    if ((body.deliverableId === undefined) === (body.paymentId === undefined)) {
      context.addIssue({ code: "custom", path: ["deliverableId"], message: "give exactly one of deliverableId and paymentId" });
    }
  });
export type OpenDisputeBody = z.output<typeof openDisputeBody>;

export const resolveDisputeBody = z
  .strictObject({
    outcome: z.enum(DISPUTE_OUTCOMES),
    note: z.string().trim().min(1, "is required").max(5000),
    /** For a split: what goes to the creator; the rest of the disputed money goes back to the brand. */
    creatorAmount: decimalAmount.optional(),
  })
  .superRefine((body, context) => {
    if (body.outcome === "split" && body.creatorAmount === undefined) {
      context.addIssue({ code: "custom", path: ["creatorAmount"], message: "is required for a split" });
    }
    if (body.outcome !== "split" && body.creatorAmount !== undefined) {
      context.addIssue({ code: "custom", path: ["creatorAmount"], message: "is only given for a split" });
    }
  });
export type ResolveDisputeBody = z.output<typeof resolveDisputeBody>;

const party = z.strictObject({ id: uuid, name: z.string() });

export const disputeSubject = z.strictObject({
  kind: z.enum(["deliverable", "payment"]),
  id: uuid,
  /** The deliverable's description, or the payment's type and amount. */
  label: z.string(),
});

export const disputeSummary = z.strictObject({
  id: uuid,
  subject: disputeSubject,
  status: z.enum(DISPUTE_STATUSES),
  outcome: z.enum(DISPUTE_OUTCOMES).nullable(),
  reason: z.string(),
  openedBy: party,
  createdAt: isoTimestamp,
  resolvedAt: isoTimestamp.nullable(),
});
export type DisputeSummary = z.infer<typeof disputeSummary>;

export const disputeResponse = z.strictObject({
  ...disputeSummary.shape,
  partnershipId: uuid,
  deliverableId: uuid.nullable(),
  paymentId: uuid.nullable(),
  evidenceUrls: z.array(z.string()),
  currency: z.string().length(3),
  /** The money in escrow the dispute decides over: the disputed payment, or the funded payments covering the deliverable. */
  disputedAmount: z.number().nonnegative(),
  creatorAmount: z.number().nonnegative().nullable(),
  refundAmount: z.number().nonnegative().nullable(),
  resolutionNote: z.string().nullable(),
  resolvedBy: party.nullable(),
  updatedAt: isoTimestamp,
});
export type DisputeResponse = z.infer<typeof disputeResponse>;

export const listDisputesResponse = z.strictObject({ disputes: z.array(disputeResponse) });
export type ListDisputesResponse = z.infer<typeof listDisputesResponse>;
