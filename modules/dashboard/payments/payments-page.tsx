import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import Link from "next/link";
import { MpesaSandboxPrompt } from "@/modules/dashboard/payments/mpesa-sandbox-prompt";
import { Panel, StatCard } from "@/components/ui/stat-card";
import { Button } from "@/components/ui/button";
import { FilterNav } from "@/components/ui/filter-nav";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { labelFor } from "@/lib/humanize";
import { cardPaymentsAvailable } from "@/lib/sponsorship/card-payment";
import { listInvoices } from "@/lib/sponsorship/list-invoices";
import { listPartnerPayments } from "@/lib/sponsorship/list-payments";
import { INVOICE_STATUSES } from "@/lib/sponsorship/schemas/invoices";
import { PAYMENT_METHODS, PAYMENT_STATUSES } from "@/lib/sponsorship/schemas/payments";
import { HeaderAction, PartnerPageHeader } from "@/components/ui/page-header";
import { PaymentDocumentLinks, ReceiptsPanel } from "@/modules/dashboard/payments/receipts-panel";
import { formatMoney, formatNumber } from "@/lib/format";
import { TableBox } from "@/components/ui/table-box";
import { EXPORT_MAX_ROWS, searchTerm } from "@/lib/schemas/search";

type SearchParams = Record<string, string | string[] | undefined>;
type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
type PaymentMethod = (typeof PAYMENT_METHODS)[number];
type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

const PAGE_SIZE = 20;
const INVOICE_PAGE_SIZE = 10;
const DEFAULT_CURRENCY = "KES";

interface Filters {
  status?: PaymentStatus;
  method?: PaymentMethod;
  page: number;
  /** The payments' search. */
  q?: string;
  invoiceStatus?: InvoiceStatus;
  invoicePage: number;
  /** The invoices' search. */
  invoiceQ?: string;
}

function pick<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

function parseFilters(params: SearchParams): Filters {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const pageOf = (key: string) => {
    const value = Number(first(key));
    return Number.isInteger(value) && value >= 1 ? value : 1;
  };
  return {
    status: pick(PAYMENT_STATUSES, first("status")),
    method: pick(PAYMENT_METHODS, first("method")),
    page: pageOf("page"),
    q: searchTerm(first("q")),
    invoiceStatus: pick(INVOICE_STATUSES, first("invoice_status")),
    invoicePage: pageOf("invoice_page"),
    invoiceQ: searchTerm(first("invoice_q")),
  };
}

/** Both tables' filters, searches and pages as query parameters, defaults left out. */
function paramsFor(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.method) params.set("method", filters.method);
  if (filters.q) params.set("q", filters.q);
  if (filters.page > 1) params.set("page", String(filters.page));
  if (filters.invoiceStatus) params.set("invoice_status", filters.invoiceStatus);
  if (filters.invoiceQ) params.set("invoice_q", filters.invoiceQ);
  if (filters.invoicePage > 1) params.set("invoice_page", String(filters.invoicePage));
  return params;
}

function hrefFor(filters: Filters): string {
  const query = paramsFor(filters).toString();
  return query ? `/dashboard/payments?${query}` : "/dashboard/payments";
}

/** The page's other parameters, kept by a table's search form; the searched table's own page is left out so a search starts on page 1. */
function otherParams(filters: Filters, search: "q" | "invoice_q"): Record<string, string> {
  const params = paramsFor(filters);
  params.delete(search);
  params.delete(search === "q" ? "page" : "invoice_page");
  return Object.fromEntries(params);
}

/** An export route with one table's filters and search. */
function exportHref(path: string, entries: Array<[string, string | undefined]>): string {
  const params = new URLSearchParams(entries.filter((entry): entry is [string, string] => Boolean(entry[1])));
  return params.size ? `${path}?${params}` : path;
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const cardPayments = cardPaymentsAvailable();
  const filters = parseFilters(await searchParams);
  const [payments, invoices] = await Promise.all([
    listPartnerPayments({
      actor,
      query: { page: filters.page, limit: PAGE_SIZE, status: filters.status, method: filters.method },
      q: filters.q,
    }),
    listInvoices({
      actor,
      query: { page: filters.invoicePage, limit: INVOICE_PAGE_SIZE, status: filters.invoiceStatus },
      q: filters.invoiceQ,
    }),
  ]);
  const currency = payments.payments[0]?.currency ?? invoices.invoices[0]?.currency ?? DEFAULT_CURRENCY;
  const filtered = Boolean(filters.status || filters.method);
  const paymentTools = {
    label: "Payments table",
    className: "mt-4",
    search: {
      action: "/dashboard/payments",
      q: filters.q ?? "",
      params: otherParams(filters, "q"),
      placeholder: "Reference, method or student",
    },
    searchLabel: "Search payments",
    exportHref: exportHref("/dashboard/payments/export", [
      ["status", filters.status],
      ["method", filters.method],
      ["q", filters.q],
    ]),
    exportTestId: "payments-export",
    exportNote:
      payments.total > EXPORT_MAX_ROWS ? `The export holds the newest ${formatNumber(EXPORT_MAX_ROWS)} of these payments.` : undefined,
  };
  const invoiceTools = {
    label: "Invoices table",
    search: {
      action: "/dashboard/payments",
      name: "invoice_q",
      q: filters.invoiceQ ?? "",
      params: otherParams(filters, "invoice_q"),
      placeholder: "Invoice number",
    },
    searchLabel: "Search invoices",
    exportHref: exportHref("/dashboard/payments/invoices/export", [
      ["invoice_status", filters.invoiceStatus],
      ["invoice_q", filters.invoiceQ],
    ]),
    exportTestId: "invoices-export",
    exportNote:
      invoices.total > EXPORT_MAX_ROWS ? `The export holds the newest ${formatNumber(EXPORT_MAX_ROWS)} of these invoices.` : undefined,
  };

  return (
    <div className="space-y-6">
      <PartnerPageHeader
        title="Payments and invoices"
        actions={
          <>
            <Link
              href="/dashboard/payments/standing-orders"
              className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            >
              Standing orders
            </Link>
            {roleAllows(actor.memberRole, "finance") ? <HeaderAction href="/dashboard/payments/new">Make a payment</HeaderAction> : null}
            <PaymentDocumentLinks />
          </>
        }
      >
        Everything you have paid, what is still pending, and your invoices.
      </PartnerPageHeader>

      <section aria-labelledby="payment-summary-heading">
        <h2 id="payment-summary-heading" className="sr-only">
          Summary (all payments)
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          <StatCard name="total_paid" label="Total paid" value={formatMoney(payments.summary.total_paid, currency)} />
          <StatCard name="this_month" label="Paid this month" value={formatMoney(payments.summary.this_month, currency)} />
          <StatCard name="pending" label="Pending" value={formatMoney(payments.summary.pending, currency)} />
        </dl>
      </section>

      <Panel id="payments-heading" title="Payments">
        <form method="get" action="/dashboard/payments" aria-label="Filter payments" className="flex flex-wrap items-end gap-3">
          {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
          {filters.invoiceStatus ? <input type="hidden" name="invoice_status" value={filters.invoiceStatus} /> : null}
          {filters.invoiceQ ? <input type="hidden" name="invoice_q" value={filters.invoiceQ} /> : null}
          <div className="min-w-40">
            <SelectField
              label="Status"
              name="status"
              defaultValue={filters.status ?? ""}
              placeholder="All statuses"
              options={PAYMENT_STATUSES.map((status) => ({ value: status, label: labelFor(status) }))}
            />
          </div>
          <div className="min-w-40">
            <SelectField
              label="Method"
              name="method"
              defaultValue={filters.method ?? ""}
              placeholder="All methods"
              options={PAYMENT_METHODS.map((method) => ({ value: method, label: labelFor(method) }))}
            />
          </div>
          <Button type="submit">Apply filters</Button>
          {filtered ? (
            <Link
              href={hrefFor({ ...filters, status: undefined, method: undefined, page: 1 })}
              className="py-2 text-sm text-brand-700 underline-offset-2 hover:underline"
            >
              Clear filters
            </Link>
          ) : null}
        </form>

        {payments.payments.length === 0 ? (
          <TableBox
            {...paymentTools}
            empty={
              <p role="status" className="rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">
                {payments.total > 0
                  ? `There is no page ${filters.page} of payments.`
                  : filters.q
                    ? `No payments${filtered ? " with these filters" : ""} match “${filters.q}”.`
                    : filtered
                      ? "No payments match these filters."
                      : "No payments yet."}
              </p>
            }
          />
        ) : (
          <TableBox {...paymentTools}>
            <table className="w-full text-left text-sm" data-testid="payments-table">
              <caption className="sr-only">
                Payments, newest first ({payments.total} {payments.total === 1 ? "payment" : "payments"})
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Date
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Reference
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Description
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Method
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 text-right font-medium">
                    Amount
                  </th>
                </tr>
              </thead>
              <tbody>
                {payments.payments.map((payment) => (
                  <tr key={payment.id} className="border-b border-slate-100" data-testid="payment-row">
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <LocalDate value={payment.created_at} />
                    </td>
                    <th scope="row" className="py-2 pr-4 font-mono text-xs font-normal">
                      {/* Every payment has its own page; a pending one is followed there until it settles. */}
                      <Link
                        href={`/dashboard/payments/${payment.id}`}
                        className="text-brand-700 underline-offset-2 hover:underline"
                        data-testid="payment-link"
                      >
                        {payment.reference}
                      </Link>
                      {payment.status === "pending" ? (
                        <Link
                          href={`/dashboard/payments/${payment.id}`}
                          className="block font-sans font-medium text-brand-700 underline-offset-2 hover:underline"
                        >
                          Follow this payment
                        </Link>
                      ) : null}
                      {payment.payment_reference !== payment.reference ? (
                        <span className="block text-slate-600">Ours {payment.payment_reference}</span>
                      ) : null}
                      {payment.receipt ? <span className="block text-slate-600">Receipt {payment.receipt}</span> : null}
                    </th>
                    <td className="py-2 pr-4 text-slate-600">{payment.description ?? "–"}</td>
                    <td className="py-2 pr-4 whitespace-nowrap">{labelFor(payment.method)}</td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={payment.status} />
                      {payment.sandbox ? (
                        <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Sandbox</span>
                      ) : null}
                      {payment.sandbox && payment.method === "mpesa" && payment.status === "pending" ? (
                        <MpesaSandboxPrompt
                          paymentId={payment.id}
                          amountLabel={formatMoney(payment.amount, payment.currency)}
                          phone={null}
                          compact
                        />
                      ) : null}
                      {cardPayments && payment.method === "stripe" && payment.status === "pending" ? (
                        <Link
                          href={`/dashboard/payments/${payment.id}/pay`}
                          className="ml-2 text-xs font-medium text-brand-700 underline-offset-2 hover:underline"
                        >
                          Pay by card
                        </Link>
                      ) : null}
                    </td>
                    <td className="py-2 text-right whitespace-nowrap tabular-nums">{formatMoney(payment.amount, payment.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
        {payments.pages > 1 ? (
          <Pager
            label="Payment pages"
            page={filters.page}
            pages={payments.pages}
            hrefFor={(page) => hrefFor({ ...filters, page })}
            className="mt-4"
          />
        ) : null}
      </Panel>

      <Panel id="invoices-heading" title="Invoices">
        <FilterNav
          label="Invoice status"
          look="pills"
          className="mb-4"
          options={[undefined, ...INVOICE_STATUSES].map((status) => ({
            key: status ?? "all",
            label: status ? labelFor(status) : "All",
            href: hrefFor({ ...filters, invoiceStatus: status, invoicePage: 1 }),
            current: status === filters.invoiceStatus,
          }))}
        />
        {invoices.invoices.length === 0 ? (
          <TableBox
            {...invoiceTools}
            empty={
              <p role="status" className="rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">
                {invoices.total > 0
                  ? `There is no page ${filters.invoicePage} of invoices.`
                  : `No invoices${filters.invoiceStatus ? ` with status ${labelFor(filters.invoiceStatus).toLowerCase()}` : ""}${
                      filters.invoiceQ ? ` matching “${filters.invoiceQ}”` : ""
                    }.`}
              </p>
            }
          />
        ) : (
          <TableBox {...invoiceTools}>
            <table className="w-full text-left text-sm" data-testid="invoices-table">
              <caption className="sr-only">Invoices, newest first</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Invoice
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Description
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Issued
                  </th>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Due
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    Amount
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {invoices.invoices.map((invoice) => (
                  <tr key={invoice.id} className="border-b border-slate-100" data-testid="invoice-row">
                    <th scope="row" className="py-2 pr-4 font-mono text-xs font-normal whitespace-nowrap">
                      {invoice.invoice_number}
                    </th>
                    <td className="py-2 pr-4 text-slate-600">{invoice.description ?? invoice.program ?? "–"}</td>
                    <td className="py-2 pr-4">
                      <StatusBadge status={invoice.status} />
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <LocalDate value={invoice.issued_date} />
                    </td>
                    <td className="py-2 pr-4 whitespace-nowrap">
                      <LocalDate value={invoice.due_date} />
                    </td>
                    <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{formatMoney(invoice.amount, invoice.currency)}</td>
                    <td className="py-2 whitespace-nowrap">
                      <a
                        href={invoice.download_url}
                        download
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        aria-label={`Download PDF of invoice ${invoice.invoice_number}`}
                      >
                        Download PDF
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        )}
        {invoices.pages > 1 ? (
          <Pager
            label="Invoice pages"
            page={filters.invoicePage}
            pages={invoices.pages}
            hrefFor={(invoicePage) => hrefFor({ ...filters, invoicePage })}
            className="mt-4"
          />
        ) : null}
      </Panel>

      <ReceiptsPanel actor={actor} searchParams={searchParams} />
    </div>
  );
}
