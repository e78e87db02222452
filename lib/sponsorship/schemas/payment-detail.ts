/** GET /partner/payments/{id}: one payment, followed until it settles. */
import { z } from "zod";
import { timestampText } from "../../schemas/dates";
import { paymentItem } from "./payments";

const bankAccount = z.object({
  bank_name: z.string(),
  account_name: z.string(),
  account_number: z.string(),
  branch: z.string().nullable(),
  swift_code: z.string().nullable(),
  sandbox: z.boolean().describe("Demo details shown where no bank account is configured: send no money to them"),
});

export const paymentInstructionsSchema = z
  .object({
    reference_to_quote: z.string().describe("Quote this exact reference with the money, so it can be matched to the payment"),
    bank: bankAccount.nullable().describe("The account to transfer to; null when none is configured on this server"),
    paybill: z
      .object({
        business_number: z.string().describe("The M-Pesa Paybill business number"),
        account_number: z.string().describe("The account number to enter: the payment's reference"),
      })
      .nullable()
      .describe("M-Pesa Paybill, when configured on this server"),
  })
  .describe("How to pay a pending bank transfer; null for other methods and for a payment no longer pending");

export const paymentDetailResponse = paymentItem.extend({
  phone_number: z.string().nullable().describe("M-Pesa only: the phone the payment request went to"),
  invoice_id: z.string().nullable().describe("The payment's invoice"),
  failure_code: z
    .string()
    .nullable()
    .describe(
      "Why the payment failed, as a code: cancelled, unreachable, expired, insufficient_funds, wrong_pin, mismatch, declined or provider_error; null unless failed (and for failures recorded without one)",
    ),
  failure_reason: z.string().nullable().describe("Why the payment failed, in words; null unless failed"),
  expires_at: timestampText
    .nullable()
    .describe(
      "A pending bank transfer or PayPal payment not settled by then fails as expired (the end of its invoice's due date), and what it covers can be paid again; null for other methods",
    ),
  instructions: paymentInstructionsSchema.nullable(),
});
