/** /partner/payments: list and create; POST /admin/payments/{id}/verify. */
import { z } from "zod";
import { PaymentMethod, PaymentStatus } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { timestampText } from "../../schemas/dates";
import { enumValues, enumValuesFirst } from "../../schemas/enums";
import { uuid } from "../../schemas/ids";
import { wholeAmount } from "../../schemas/money";
import { pageFields, paginationQuery } from "../../schemas/pagination";
import { normalizeKenyanPhone } from "../kenyan-phone";
import { checkDateRange, dateRange } from "./date-range";

export const PAYMENT_METHODS = enumValues(PaymentMethod);
export const PAYMENT_STATUSES = enumValuesFirst(PaymentStatus, PaymentStatus.completed);

export const listPaymentsQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(PAYMENT_STATUSES).optional(),
    method: z.enum(PAYMENT_METHODS).optional(),
    ...dateRange,
  })
  .superRefine(checkDateRange);

export const paymentItem = z.object({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  description: z.string().nullable(),
  reference: z
    .string()
    .describe(
      "The reference to find the payment by: for a bank transfer, the partner's own `bank_reference` when they gave one; otherwise `payment_reference`",
    ),
  payment_reference: z
    .string()
    .describe(
      "Our reference for the payment (e.g. BT_20260201_A1B2C3), always present; quote it on a bank transfer made without a bank_reference",
    ),
  receipt: z
    .string()
    .nullable()
    .describe("The provider's receipt for the money once it is reported: the M-Pesa receipt number, or the Stripe charge id"),
  sandbox: z.boolean().describe("Made through a sandbox provider: no real money moved"),
  program_id: z.string().nullable(),
  sponsorship_ids: z.array(z.string()),
  created_at: timestampText,
  completed_at: timestampText.nullable(),
  failure_code: z
    .string()
    .nullable()
    .describe(
      "Why a failed payment failed, as a code (null otherwise). M-Pesa: cancelled (the payer dismissed the prompt, result 1032), unreachable (the phone could not be reached, 1037; try again), expired (the prompt timed out, 1019, or no answer came before the payment expired), insufficient_funds (1), wrong_pin (2001), busy (another M-Pesa transaction was in progress, 1001), mismatch (M-Pesa reported another amount or phone), provider_error (M-Pesa refused or could not process the request). Other methods may give declined",
    ),
  failure_reason: z.string().nullable().describe("Why a failed payment failed, in words for the payer (null otherwise)"),
});

export const listPaymentsResponse = z.object({
  payments: z.array(paymentItem),
  ...pageFields,
  summary: z
    .object({ total_paid: z.number(), this_month: z.number(), pending: z.number() })
    .describe(
      "In the partner's reporting currency: total_paid and this_month are paid in (completed payments at their recorded rates); pending counts only pending payments already in that currency",
    ),
});

export const createPaymentBody = z
  .object({
    amount: wholeAmount,
    currency: currencyCode.default("KES"),
    method: z.enum(PAYMENT_METHODS),
    program_id: uuid.optional(),
    sponsorship_ids: z.array(uuid).min(1).max(500).optional(),
    description: z.string().trim().max(500).optional(),
    bank_reference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe(
        "Bank transfers: the reference of a transfer already made, if any. Without it, the response says where to send the money and which reference to quote",
      ),
    phone_number: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((value) => (value ? (normalizeKenyanPhone(value) ?? value) : value))
      .describe(
        "M-Pesa only: the Safaricom number to prompt, as 0712345678, 712345678, 254712345678 or +254712345678 (answered in +254 form)",
      ),
  })
  .superRefine((body, ctx) => {
    if (body.method === PaymentMethod.mpesa && !normalizeKenyanPhone(body.phone_number ?? "")) {
      ctx.addIssue({ code: "custom", path: ["phone_number"], message: "must be a Safaricom mobile number such as 0712345678 for M-Pesa" });
    }
    if (body.method === PaymentMethod.mpesa && body.currency !== "KES") {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "M-Pesa payments are in KES" });
    }
  });

export const createPaymentResponse = z.object({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  method: z.enum(PAYMENT_METHODS),
  status: z.literal(PaymentStatus.pending),
  reference: z
    .string()
    .describe("As in the payment list: the partner's bank_reference for a bank transfer that gave one, otherwise payment_reference"),
  payment_reference: z.string().describe("Our reference for the payment"),
  invoice_id: z.string(),
  created_at: timestampText,
  message: z.string(),
  bank_transfer: z
    .object({
      reference_to_quote: z.string().describe("Quote this on the transfer so it can be matched to the payment"),
      bank_name: z.string(),
      account_name: z.string(),
      account_number: z.string(),
      branch: z.string().nullable(),
      swift_code: z.string().nullable(),
      sandbox: z.boolean().describe("Demo details shown where no bank account is configured: send no money to them"),
    })
    .nullable()
    .optional()
    .describe("Bank transfers only: where to send the money (null when no account is configured on this server)"),
  checkout_request_id: z.string().optional().describe("M-Pesa only: the CheckoutRequestID of the prompt sent to the phone"),
  sandbox: z
    .boolean()
    .describe(
      "True when a sandbox provider handles the payment: no real money moves, and the partner answers a simulated prompt (M-Pesa) or card payment (card) with POST /api/v1/partner/payments/{id}/sandbox-prompt",
    ),
  client_secret: z
    .string()
    .optional()
    .describe(
      "Card payments when the server has Stripe keys (absent for sandbox card payments): the PaymentIntent's client secret, for Stripe.js to collect the card. The payment completes when Stripe reports the charge succeeded.",
    ),
});

/** A positive decimal of up to ten places, as text (numbers are written out, never in exponent form). */
export const exchangeRateInput = z
  .union([
    z.number().positive().max(1_000_000),
    z
      .string()
      .trim()
      .regex(/^\d{1,7}(\.\d{1,10})?$/, "must be a positive decimal of up to ten places"),
  ])
  .transform((value) => (typeof value === "number" ? value.toFixed(10).replace(/\.?0+$/, "") : value))
  .refine((value) => Number(value) > 0, "must be greater than 0");

/** POST /api/v1/admin/payments/{id}/verify: an admin confirms or rejects a pending payment. */
export const verifyPaymentBody = z.object({
  status: z.enum([PaymentStatus.completed, PaymentStatus.failed]),
  reason: z.string().trim().max(500).optional(),
  exchange_rate: exchangeRateInput
    .optional()
    .describe(
      "Units of the partner's reporting currency (KES unless set otherwise) per unit of the payment's currency, as received. Required to complete a payment in another currency; refused for one in the reporting currency",
    ),
});
