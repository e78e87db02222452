/** GET /partner/payments/invoices: the partner's invoices, newest first. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, type Prisma } from "../db";
import { toMajor } from "../money";
import { isoDay } from "./metrics";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import type { listInvoicesQuery, listInvoicesResponse } from "./schemas/invoices";

export interface ListInvoicesOptions {
  actor: Actor;
  query: z.output<typeof listInvoicesQuery>;
}

type Response = z.infer<typeof listInvoicesResponse>;

const invoicePdfUrl = (invoiceId: string) => `/api/v1/partner/payments/invoices/${invoiceId}/pdf`;

export async function listInvoices(options: ListInvoicesOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const db = getDb();
  const where: Prisma.InvoiceWhereInput = { partnerId, ...(query.status ? { status: query.status } : {}) };
  const [total, invoices] = await Promise.all([
    db.invoice.count({ where }),
    db.invoice.findMany({
      where,
      include: { program: { select: { name: true } }, _count: { select: { lines: true } } },
      orderBy: [{ issuedDate: "desc" }, { invoiceNumber: "desc" }],
      ...pageWindow(query),
    }),
  ]);
  return {
    invoices: invoices.map((invoice) => ({
      id: invoice.id,
      invoice_number: invoice.invoiceNumber,
      amount: toMajor(invoice.amountMinor),
      currency: invoice.currency,
      status: invoice.status,
      description: invoice.description,
      program: invoice.program?.name ?? null,
      issued_date: isoDay(invoice.issuedDate),
      due_date: isoDay(invoice.dueDate),
      paid_date: invoice.paidDate ? isoDay(invoice.paidDate) : null,
      void_reason: invoice.voidReason,
      // An invoice issued before lines were kept bills its amount as one line.
      lines_count: Math.max(invoice._count.lines, 1),
      download_url: invoicePdfUrl(invoice.id),
    })),
    ...pageInfo(query, total),
  };
}
