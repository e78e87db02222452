/** /partner/standing-orders: list, create, detail, pause, resume, cancel. */
import { z } from "zod";
import { PaymentStatus, StandingOrderFrequency, StandingOrderRunStatus, StandingOrderStatus } from "../generated/prisma/enums";
import { currencyCode } from "../schemas/currency";
import { calendarDateText, dateParam, timestampText } from "../schemas/dates";
import { enumValues } from "../schemas/enums";
import { uuid } from "../schemas/ids";
import { wholeAmount } from "../schemas/money";
import { pageFields, paginationQuery } from "../schemas/pagination";
import { normalizeKenyanPhone } from "../sponsorship/kenyan-phone";

/** Standing orders are paid by M-Pesa (a prompt on the due date) or bank transfer (instructions on the due date). */
export const STANDING_ORDER_METHODS = ["mpesa", "bank_transfer"] as const;
export const STANDING_ORDER_FREQUENCIES = enumValues(StandingOrderFrequency);
export const STANDING_ORDER_STATUSES = enumValues(StandingOrderStatus);
export const STANDING_ORDER_RUN_STATUSES = enumValues(StandingOrderRunStatus);

export const listStandingOrdersQuery = z.object({
  ...paginationQuery,
  status: z.enum(STANDING_ORDER_STATUSES).optional().describe("Only orders with this status"),
});

export const createStandingOrderBody = z
  .object({
    description: z.string().trim().min(1).max(200).describe("What the order pays for, shown on each payment and invoice"),
    method: z
      .enum(STANDING_ORDER_METHODS)
      .describe("How each run is paid: `mpesa` prompts the phone on the due date; `bank_transfer` raises the invoice to transfer against"),
    phone_number: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((value) => (value ? (normalizeKenyanPhone(value) ?? value) : value))
      .describe(
        "M-Pesa only: the Safaricom number to prompt, as 0712345678, 712345678, 254712345678 or +254712345678 (answered in +254 form)",
      ),
    program_id: uuid.optional().describe("The partner's program to fund; give this or `sponsorship_ids`"),
    sponsorship_ids: z
      .array(uuid)
      .min(1)
      .max(100)
      .optional()
      .describe("The partner's pending or active sponsorships to fund; give this or `program_id`"),
    amount: wholeAmount.describe("Charged on each due date, in whole units of `currency`"),
    currency: currencyCode.default("KES").describe("ISO 4217 code; M-Pesa orders are in KES"),
    frequency: z.enum(STANDING_ORDER_FREQUENCIES).describe("`monthly`, `quarterly` (every 3 months) or `yearly`"),
    start_date: dateParam.describe("The first due date (UTC calendar date), today or later"),
    end_date: dateParam.optional().describe("No run falls due after this date (UTC calendar date); after the start date"),
  })
  .superRefine((body, ctx) => {
    if (!body.program_id === !body.sponsorship_ids) {
      ctx.addIssue({ code: "custom", path: ["program_id"], message: "give either program_id or sponsorship_ids" });
    }
    if (body.method === "mpesa" && !normalizeKenyanPhone(body.phone_number ?? "")) {
      ctx.addIssue({ code: "custom", path: ["phone_number"], message: "must be a Safaricom mobile number such as 0712345678 for M-Pesa" });
    }
    if (body.method === "mpesa" && body.currency !== "KES") {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "M-Pesa payments are in KES" });
    }
    if (body.end_date && body.end_date <= body.start_date) {
      ctx.addIssue({ code: "custom", path: ["end_date"], message: "must be after start_date" });
    }
  });

const lastRun = z
  .object({
    due_date: calendarDateText.describe("The due date the run is for"),
    status: z.enum(STANDING_ORDER_RUN_STATUSES).describe("The run's status (see the runs of the order's detail)"),
    last_error: z.string().nullable().describe("Why the latest attempt failed or the run was skipped; null otherwise"),
  })
  .describe("The most recent run; null before the first due date");

export const standingOrderItem = z.object({
  id: z.string().describe("The standing order's id"),
  description: z.string().nullable().describe("What the order pays for"),
  method: z.enum(STANDING_ORDER_METHODS).describe("`mpesa` or `bank_transfer`"),
  phone_number: z.string().nullable().describe("M-Pesa: the number prompted on each due date, in +254 form; null for bank transfers"),
  program_id: z.string().nullable().describe("The program the order funds; null when it funds sponsorships"),
  sponsorship_ids: z.array(z.string()).describe("The sponsorships the order funds; empty when it funds a program"),
  amount: z.number().describe("Charged on each due date, in whole units of `currency`"),
  currency: z.string().describe("ISO 4217 code"),
  frequency: z.enum(STANDING_ORDER_FREQUENCIES).describe("`monthly`, `quarterly` or `yearly`"),
  start_date: calendarDateText.describe("The first due date"),
  end_date: calendarDateText.nullable().describe("No run falls due after this date; null for an open-ended order"),
  next_due_date: calendarDateText
    .nullable()
    .describe("When the next run falls due; null once cancelled or finished. A paused order keeps it until resumed"),
  status: z
    .enum(STANDING_ORDER_STATUSES)
    .describe("`active` (runs fall due), `paused`, `cancelled` or `finished` (no due date left before the end date)"),
  paused_at: timestampText.nullable().describe("When the order was last paused; null when it is not paused"),
  cancelled_at: timestampText.nullable().describe("When the order was cancelled; null otherwise"),
  created_at: timestampText.describe("When the order was set up"),
  last_run: lastRun.nullable(),
});

export const listStandingOrdersResponse = z.object({
  standing_orders: z.array(standingOrderItem).describe("The partner's standing orders, newest first"),
  ...pageFields,
});

export const runPayment = z.object({
  id: z.string().describe("The payment's id (see /partner/payments)"),
  status: z.enum(enumValues(PaymentStatus)).describe("The attempt's payment status"),
  reference: z.string().describe("Our reference for the payment"),
  failure_reason: z.string().nullable().describe("Why the payment failed (M-Pesa cancelled, no answer…); null otherwise"),
  created_at: timestampText.describe("When the attempt was started"),
  completed_at: timestampText.nullable().describe("When the payment completed; null otherwise"),
});

export const standingOrderRun = z.object({
  id: z.string().describe("The run's id"),
  due_date: calendarDateText.describe("The due date this run pays for (one run per due date)"),
  period: z.string().describe("The period paid for, in words"),
  status: z
    .enum(STANDING_ORDER_RUN_STATUSES)
    .describe(
      "`pending` (first attempt under way), `retrying` (an attempt failed; another follows at next_attempt_at), `paid`, `failed` (no attempts left) or `skipped` (nothing left to fund, or the order was cancelled)",
    ),
  attempts: z.number().int().describe("Payment attempts made so far"),
  next_attempt_at: timestampText.nullable().describe("When the next attempt is made; null when none is planned"),
  last_error: z.string().nullable().describe("Why the latest attempt failed or the run was skipped"),
  invoice_id: z.string().nullable().describe("The invoice of the latest attempt"),
  payments: z.array(runPayment).describe("The run's payment attempts, oldest first"),
});

export const standingOrderDetailResponse = standingOrderItem.extend({
  runs: z.array(standingOrderRun).describe("Every run of the order, newest due date first"),
});
