/** GET /partner/payments/invoices. */
import { z } from "zod";
import { InvoiceStatus } from "../../generated/prisma/enums";
import { calendarDateText } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { pageFields, paginationQuery } from "../../schemas/pagination";

export const INVOICE_STATUSES = enumValues(InvoiceStatus);

export const listInvoicesQuery = z.object({ ...paginationQuery, status: z.enum(INVOICE_STATUSES).optional() });

export const listInvoicesResponse = z.object({
  invoices: z.array(
    z.object({
      id: z.string(),
      invoice_number: z.string(),
      amount: z.number(),
      currency: z.string(),
      status: z.enum(INVOICE_STATUSES),
      description: z.string().nullable(),
      program: z.string().nullable(),
      issued_date: calendarDateText,
      due_date: calendarDateText,
      paid_date: calendarDateText.nullable(),
      void_reason: z.string().nullable().describe("Why the invoice was voided (status `void`): nothing is owed on it"),
      lines_count: z.number().int().describe("How many lines the invoice has (what it bills for, one line each)"),
      download_url: z.string(),
    }),
  ),
  ...pageFields,
});
