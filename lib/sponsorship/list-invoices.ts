/** GET /partner/payments/invoices: the partner's invoices, newest first. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { likePattern } from "../db/like";
import { toMajor } from "../money";
import { isoDay } from "./metrics";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import type { listInvoicesQuery, listInvoicesResponse } from "./schemas/invoices";

export interface ListInvoicesOptions {
  actor: Actor;
  query: z.output<typeof listInvoicesQuery>;
  /** The page's search box (not part of the API): the invoice number, description or program, in any case. */
  q?: string;
}

type Response = z.infer<typeof listInvoicesResponse>;

const invoicePdfUrl = (invoiceId: string) => `/api/v1/partner/payments/invoices/${invoiceId}/pdf`;

export async function listInvoices(options: ListInvoicesOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const db = getDb();
  const conditions = [Prisma.sql`i.partner_id = ${partnerId}::uuid`];
  if (query.status) conditions.push(Prisma.sql`i.status = ${query.status}::"InvoiceStatus"`);
  if (options.q) {
    const pattern = likePattern(options.q);
    conditions.push(Prisma.sql`(i.invoice_number ILIKE ${pattern} OR i.description ILIKE ${pattern}
      OR EXISTS (SELECT 1 FROM programs pr WHERE pr.id = i.program_id AND pr.name ILIKE ${pattern}))`);
  }
  const where = Prisma.join(conditions, " AND ");
  const { skip, take } = pageWindow(query);
  const [[{ total }], page] = await Promise.all([
    db.$queryRaw<[{ total: number }]>`SELECT COUNT(*)::int AS total FROM invoices i WHERE ${where}`,
    db.$queryRaw<Array<{ id: string }>>`
      SELECT i.id::text AS id FROM invoices i WHERE ${where} ORDER BY i.issued_date DESC, i.invoice_number DESC LIMIT ${take} OFFSET ${skip}`,
  ]);
  const ids = page.map((row) => row.id);
  const found = ids.length
    ? await db.invoice.findMany({
        where: { id: { in: ids } },
        include: { program: { select: { name: true } }, _count: { select: { lines: true } } },
      })
    : [];
  const byId = new Map(found.map((invoice) => [invoice.id, invoice]));
  const invoices = ids.flatMap((id) => {
    const invoice = byId.get(id);
    return invoice ? [invoice] : [];
  });
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
