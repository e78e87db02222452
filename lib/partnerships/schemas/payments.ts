/**
 * Request and response schemas of the payments part of the partnerships API
 * (../shared/spec/partnerships-api.md). Amounts are decimal numbers of the currency;
 * they are stored as integer minor units.
 */
import { z } from "zod";
import { EscrowPaymentStatus, EscrowPaymentType, PaymentTrigger, PayoutMethod, PayoutStatus } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { isoTimestamp } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { uuid, uuidString } from "../../schemas/ids";
import { decimalAmount } from "../../schemas/money";

export const PAYMENT_TYPES = enumValues(EscrowPaymentType);
export const PAYMENT_STATUSES = enumValues(EscrowPaymentStatus);
export const PAYMENT_TRIGGERS = enumValues(PaymentTrigger);

export const initiatePaymentBody = z
  .object({
    type: z.enum(PAYMENT_TYPES),
    amount: decimalAmount,
    currency: currencyCode,
    description: z.string().trim().min(1).max(2_000).optional(),
    /** A payment of the plan to pay (any type); without it, the plan's initial or final payment, or a new milestone. */
    paymentId: uuidString.optional(),
    /** A new milestone: the deliverables whose approval it waits for. */
    deliverableIds: z.array(uuidString).min(1).max(50).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.type === "milestone" && body.paymentId === undefined && body.deliverableIds === undefined) {
      ctx.addIssue({ code: "custom", path: ["deliverableIds"], message: "a new milestone must name the deliverables it pays for" });
    }
    if (body.deliverableIds !== undefined && (body.type !== "milestone" || body.paymentId !== undefined)) {
      ctx.addIssue({ code: "custom", path: ["deliverableIds"], message: "only a new milestone names deliverables" });
    }
  });
export type InitiatePaymentBody = z.output<typeof initiatePaymentBody>;

export const cancelPaymentBody = z.object({ reason: z.string().trim().min(1).max(2_000).optional() }).default({});
export type CancelPaymentBody = z.output<typeof cancelPaymentBody>;

/** One item of a payment plan (lib/partnerships/payment-plan.ts), as proposals and partnerships show it. */
export const paymentPlanItemResponse = z.object({
  /** 1-based order in the schedule. */
  position: z.number().int().positive(),
  type: z.enum(PAYMENT_TYPES),
  trigger: z.enum(PAYMENT_TRIGGERS),
  /** The share as written, when written as a percentage. */
  percent: z.number().nullable(),
  amount: z.number().positive(),
  /** 1-based positions of the deliverables whose approval the payment waits for. */
  deliverables: z.array(z.number().int().positive()),
  description: z.string(),
});
export const paymentPlanResponse = z.array(paymentPlanItemResponse).nullable();

/** The released money on its way to the creator (lib/payouts). */
export const paymentPayoutResponse = z.object({
  status: z.enum(PayoutStatus),
  method: z.enum(PayoutMethod),
  amount: z.number(),
  /** Paid by a sandbox provider: no money moved. */
  sandbox: z.boolean(),
  /** The Stripe transfer, or Daraja's ConversationID. */
  providerRef: z.string().nullable(),
  /** The M-Pesa TransactionReceipt. */
  receipt: z.string().nullable(),
  failureReason: z.string().nullable(),
  paidAt: isoTimestamp.nullable(),
});

export const paymentResponse = z.object({
  id: uuid,
  partnershipId: uuid,
  type: z.enum(PAYMENT_TYPES),
  amount: z.number().positive(),
  currency: z.string().length(3),
  status: z.enum(PAYMENT_STATUSES),
  /** What makes it due: the contract's signing, the approval of its deliverables, or of every deliverable. */
  trigger: z.enum(PAYMENT_TRIGGERS),
  /** The share of the compensation the plan gave it, when given as a percentage. */
  percent: z.number().nullable(),
  /** The deliverables that must be approved before it can be released. */
  deliverableIds: z.array(z.string()),
  /** What went back to the brand, of amount. */
  refundedAmount: z.number().nonnegative(),
  description: z.string().nullable(),
  dueDate: isoTimestamp.nullable(),
  paidAt: isoTimestamp.nullable(),
  /** The provider's charge (Stripe PaymentIntent id); null until initiated. */
  transactionId: z.string().nullable(),
  /** Null until released, and while the creator has not chosen how to be paid. */
  payout: paymentPayoutResponse.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type PaymentResponse = z.infer<typeof paymentResponse>;

export const listPaymentsResponse = z.object({ payments: z.array(paymentResponse) });

export const initiatePaymentResponse = z.object({
  payment: paymentResponse,
  paymentIntent: z.object({
    /** Used by Stripe Elements on the frontend. */
    clientSecret: z.string().min(1),
    /** True when no payment provider is configured and the payment is simulated. */
    sandbox: z.boolean(),
  }),
});

export const webhookResponse = z.object({ received: z.literal(true), duplicate: z.literal(true).optional() });
