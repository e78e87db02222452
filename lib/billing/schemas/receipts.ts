/** GET /partner/payments/receipts. */
import { z } from "zod";
import { PaymentMethod } from "../../generated/prisma/enums";
import { timestampText } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { pageFields, paginationQuery } from "../../schemas/pagination";

export const listReceiptsQuery = z.object({ ...paginationQuery });

export const receiptItem = z.object({
  id: z.string().describe("Receipt identifier (UUID)"),
  receipt_number: z.string().describe("RCT-<account code>-<year>-<NNNN>: the partner's own consecutive series for the year"),
  payment_id: z.string().describe("The completed payment the receipt is for"),
  payment_reference: z.string().describe("Our reference of the payment the receipt is for"),
  invoice_number: z.string().nullable().describe("The invoice the payment paid, if it had one"),
  amount: z.number().describe("Amount received, in major units of `currency`"),
  currency: z.string().describe("ISO 4217 code of the amount"),
  method: z.enum(enumValues(PaymentMethod)).describe("How the money was paid"),
  provider_receipt: z
    .string()
    .nullable()
    .describe("The provider's receipt for the money: M-Pesa receipt number, Stripe charge id, or the bank's reference of a transfer"),
  sandbox: z.boolean().describe("Made through a sandbox provider: no real money moved"),
  issued_at: timestampText.describe(
    "When the receipt was issued: when the payment completed, or when it was first asked for (payments completed before receipts were issued)",
  ),
  download_url: z.string().describe("The receipt as a PDF"),
});

export const listReceiptsResponse = z.object({ receipts: z.array(receiptItem), ...pageFields });
