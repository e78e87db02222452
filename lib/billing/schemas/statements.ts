/** GET /partner/statements. */
import { z } from "zod";
import { PaymentMethod } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { calendarDateText, dateParam, timestampText } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";

export const STATEMENT_FORMATS = ["json", "csv", "pdf"] as const;
export const STATEMENT_MAX_YEARS = 5;
export const STATEMENT_LINE_TYPES = ["invoice_issued", "invoice_voided", "payment_received", "refund"] as const;

export const statementQuery = z
  .object({
    start_date: dateParam.describe("First day of the statement (YYYY-MM-DD)"),
    end_date: dateParam.describe("Last day of the statement, inclusive (YYYY-MM-DD)"),
    format: z.enum(STATEMENT_FORMATS).default("json"),
    currency: currencyCode.optional().describe("The currency of the statement; the partner's reporting currency unless given"),
  })
  .superRefine((query, ctx) => {
    if (query.end_date < query.start_date) {
      ctx.addIssue({ code: "custom", path: ["end_date"], message: "must not be before start_date" });
      return;
    }
    const limit = new Date(query.start_date);
    limit.setUTCFullYear(limit.getUTCFullYear() + STATEMENT_MAX_YEARS);
    if (query.end_date >= limit) {
      ctx.addIssue({ code: "custom", path: ["end_date"], message: `must be less than ${STATEMENT_MAX_YEARS} years after start_date` });
    }
  });

const party = z.object({
  name: z.string().describe("Display name"),
  legal_name: z.string().nullable().describe("Registered name"),
  address: z.string().nullable().describe("Postal and physical address"),
  kra_pin: z.string().nullable().describe("Kenya Revenue Authority PIN"),
  billing_email: z.string().nullable().describe("Where documents are sent"),
  account_code: z.string().describe("Short code naming the organisation's document series"),
});

const balance = (what: string) =>
  z.number().describe(`${what}, in major units: positive is owed by the partner, negative is the partner's credit`);

export const statementLine = z.object({
  date: calendarDateText.describe("The day of the movement (UTC)"),
  type: z
    .enum(STATEMENT_LINE_TYPES)
    .describe(
      "`invoice_issued` (debit), `invoice_voided` (credit: the invoice is no longer owed), `payment_received` (credit), `refund` (debit: money returned to the partner)",
    ),
  document_number: z.string().nullable().describe("The invoice number, or the receipt number of a payment"),
  description: z.string(),
  payment_reference: z.string().nullable().describe("Our reference of the payment, for payments and refunds"),
  method: z.enum(enumValues(PaymentMethod)).nullable(),
  provider_receipt: z.string().nullable().describe("M-Pesa receipt number, Stripe charge id or bank reference"),
  debit: z.number().describe("What the line adds to the amount owed, in major units (0 when it is a credit)"),
  credit: z.number().describe("What the line takes off the amount owed, in major units (0 when it is a debit)"),
  balance: balance("The running balance after this line"),
});

export const statementResponse = z.object({
  statement: z.object({
    currency: z.string().describe("ISO 4217 code: every amount of the statement is in it"),
    start_date: calendarDateText.describe("First day covered"),
    end_date: calendarDateText.describe("Last day covered, inclusive"),
    generated_at: timestampText.describe("When the statement was drawn up"),
    issuer: party.describe("The organisation that issues the partner's invoices and receipts"),
    partner: party.describe("The partner the statement is for"),
    opening_balance: balance(
      "What the partner owed at the start of start_date: invoices issued before it, less invoices voided and payments received before it, plus refunds before it",
    ),
    total_debits: z.number().describe("Sum of the lines' debits"),
    total_credits: z.number().describe("Sum of the lines' credits"),
    closing_balance: balance("opening_balance + total_debits - total_credits: what the partner owed at the end of end_date"),
    lines: z.array(statementLine).describe("Every movement within the range, in date order"),
  }),
});
