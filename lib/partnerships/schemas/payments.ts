/**
 * Request and response schemas of the payments part of the partnerships API
 * (../shared/spec/partnerships-api.md). Amounts are decimal numbers of the currency;
 * they are stored as integer minor units.
 */
import { z } from "zod";
import { EscrowPaymentStatus, EscrowPaymentType } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { isoTimestamp } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { uuid } from "../../schemas/ids";
import { decimalAmount } from "../../schemas/money";

export const PAYMENT_TYPES = enumValues(EscrowPaymentType);
export const PAYMENT_STATUSES = enumValues(EscrowPaymentStatus);

export const initiatePaymentBody = z.object({
  type: z.enum(PAYMENT_TYPES),
  amount: decimalAmount,
  currency: currencyCode,
  description: z.string().trim().min(1).max(2_000).optional(),
});
export type InitiatePaymentBody = z.output<typeof initiatePaymentBody>;

export const paymentResponse = z.object({
  id: uuid,
  partnershipId: uuid,
  type: z.enum(PAYMENT_TYPES),
  amount: z.number().positive(),
  currency: z.string().length(3),
  status: z.enum(PAYMENT_STATUSES),
  description: z.string().nullable(),
  dueDate: isoTimestamp.nullable(),
  paidAt: isoTimestamp.nullable(),
  /** The provider's charge (Stripe PaymentIntent id); null until initiated. */
  transactionId: z.string().nullable(),
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
