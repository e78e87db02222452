/**
 * The payments and the invoices of /dashboard/payments as its two tables show them (same
 * filters and search, every page) in CSV files. The page's query string holds both tables'
 * filters: the payments' `status`, `method` and `q`, the invoices' `invoice_status` and `invoice_q`.
 */
import type { Actor } from "../auth/actor";
import { csvDocument } from "../csv";
import type { CsvFile } from "../http/csv-download";
import { EXPORT_MAX_ROWS, searchTerm } from "../schemas/search";
import { listInvoices } from "./list-invoices";
import { listPartnerPayments } from "./list-payments";
import { INVOICE_STATUSES } from "./schemas/invoices";
import { PAYMENT_METHODS, PAYMENT_STATUSES } from "./schemas/payments";

/** One of `values`, or nothing: a filter that cannot be read is left out, as on the page. */
export function pickValue<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

export const PAYMENT_CSV_COLUMNS = [
  "payment_id",
  "created_at",
  "reference",
  "payment_reference",
  "receipt",
  "description",
  "method",
  "status",
  "amount",
  "currency",
  "sandbox",
  "completed_at",
] as const;

export async function paymentsCsv(options: { actor: Actor; params: URLSearchParams }): Promise<CsvFile> {
  const { params } = options;
  const result = await listPartnerPayments({
    actor: options.actor,
    query: {
      page: 1,
      limit: EXPORT_MAX_ROWS,
      status: pickValue(PAYMENT_STATUSES, params.get("status")),
      method: pickValue(PAYMENT_METHODS, params.get("method")),
    },
    q: searchTerm(params.get("q")),
  });
  const rows = result.payments.map((payment) => [
    payment.id,
    payment.created_at,
    payment.reference,
    payment.payment_reference,
    payment.receipt,
    payment.description,
    payment.method,
    payment.status,
    payment.amount.toFixed(2),
    payment.currency,
    payment.sandbox,
    payment.completed_at,
  ]);
  return { name: "payments", csv: csvDocument(PAYMENT_CSV_COLUMNS, rows), capped: result.total > EXPORT_MAX_ROWS };
}

export const INVOICE_CSV_COLUMNS = [
  "invoice_id",
  "invoice_number",
  "description",
  "program",
  "status",
  "issued_date",
  "due_date",
  "paid_date",
  "amount",
  "currency",
] as const;

export async function invoicesCsv(options: { actor: Actor; params: URLSearchParams }): Promise<CsvFile> {
  const { params } = options;
  const result = await listInvoices({
    actor: options.actor,
    query: { page: 1, limit: EXPORT_MAX_ROWS, status: pickValue(INVOICE_STATUSES, params.get("invoice_status")) },
    q: searchTerm(params.get("invoice_q")),
  });
  const rows = result.invoices.map((invoice) => [
    invoice.id,
    invoice.invoice_number,
    invoice.description,
    invoice.program,
    invoice.status,
    invoice.issued_date,
    invoice.due_date,
    invoice.paid_date,
    invoice.amount.toFixed(2),
    invoice.currency,
  ]);
  return { name: "invoices", csv: csvDocument(INVOICE_CSV_COLUMNS, rows), capped: result.total > EXPORT_MAX_ROWS };
}
