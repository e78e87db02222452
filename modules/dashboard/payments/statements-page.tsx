import Link from "next/link";
import { Button } from "@/components/ui/button";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { Panel, StatCard } from "@/components/ui/stat-card";
import { TextField } from "@/components/ui/text-field";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getStatement, type Statement } from "@/lib/billing/get-statement";
import { statementQuery } from "@/lib/billing/schemas/statements";
import { zodFieldErrors } from "@/lib/forms/field-errors";
import { formatMoney } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { OFFERED_CURRENCIES } from "@/lib/schemas/currency";
import { statementPeriods } from "@/modules/dashboard/payments/statement-periods";
import { TableBox } from "@/components/ui/table-box";

type SearchParams = Record<string, string | string[] | undefined>;

const PATH = "/dashboard/payments/statements";
const API = "/api/v1/partner/statements";

const TYPE_LABELS: Record<Statement["lines"][number]["type"], string> = {
  invoice_issued: "Invoice",
  invoice_voided: "Invoice voided",
  payment_received: "Payment received",
  refund: "Refund",
};

function first(params: SearchParams, key: string): string | undefined {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}

function query(values: { start: string; end: string; currency: string }, format?: string): string {
  const params = new URLSearchParams({ start_date: values.start, end_date: values.end, currency: values.currency });
  if (format) params.set("format", format);
  return params.toString();
}

export default async function StatementsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const params = await searchParams;
  const periods = statementPeriods(new Date());
  const preset = periods.find((p) => p.key === first(params, "period")) ?? periods[0]!;
  const values = {
    start: first(params, "start_date") || preset.start,
    end: first(params, "end_date") || preset.end,
    currency: (first(params, "currency") || "").toUpperCase(),
  };
  const parsed = statementQuery.safeParse({ start_date: values.start, end_date: values.end, currency: values.currency || undefined });
  const errors = parsed.success
    ? {}
    : zodFieldErrors(parsed.error, { start_date: values.start, end_date: values.end, currency: values.currency });
  const statement = parsed.success ? await getStatement({ actor, query: parsed.data }) : null;
  const currency = statement?.currency ?? (values.currency || "KES");
  const shown = { ...values, currency };
  const money = (major: number) => formatMoney(major, currency);

  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Statement of account" back={{ href: "/dashboard/payments", label: "Payments and invoices" }}>
        What you were invoiced, what you paid and what is owed, for any period up to five years.
      </PartnerPageHeader>

      <Panel id="statement-period-heading" title="Period">
        <nav aria-label="Common periods" className="mb-4">
          <ul className="flex flex-wrap gap-2">
            {periods.map((p) => (
              <li key={p.key}>
                <Link
                  href={`${PATH}?${query({ start: p.start, end: p.end, currency })}`}
                  aria-current={values.start === p.start && values.end === p.end ? "true" : undefined}
                  className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm text-slate-800 hover:bg-slate-50 aria-[current=true]:border-brand-600 aria-[current=true]:bg-brand-50 aria-[current=true]:text-brand-700"
                >
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action={PATH} aria-label="Statement period" className="grid grid-cols-1 items-end gap-3 sm:grid-cols-4">
          <TextField label="Start date" name="start_date" type="date" defaultValue={values.start} error={errors.start_date} required />
          <TextField label="End date" name="end_date" type="date" defaultValue={values.end} error={errors.end_date} required />
          <SelectField
            label="Currency"
            name="currency"
            defaultValue={currency}
            error={errors.currency}
            options={OFFERED_CURRENCIES.map(({ code, name }) => ({ value: code, label: `${code} – ${name}` }))}
          />
          <Button type="submit">Show statement</Button>
        </form>
      </Panel>

      {statement ? (
        <>
          <section aria-labelledby="statement-balances-heading">
            <h2 id="statement-balances-heading" className="sr-only">
              Balances from {statement.start_date} to {statement.end_date}
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-4">
              <StatCard
                name="opening_balance"
                label={`Opening balance (${statement.start_date})`}
                value={money(statement.opening_balance)}
              />
              <StatCard name="total_debits" label="Invoiced and refunded" value={money(statement.total_debits)} />
              <StatCard name="total_credits" label="Paid and voided" value={money(statement.total_credits)} />
              <StatCard name="closing_balance" label={`Closing balance (${statement.end_date})`} value={money(statement.closing_balance)} />
            </dl>
            <p className="mt-2 text-sm text-slate-600">A positive balance is what you owe; a negative balance is your credit.</p>
          </section>

          <Panel
            id="statement-lines-heading"
            title="Movements"
            action={
              <div className="flex flex-wrap gap-3 text-sm">
                <a
                  href={`${API}?${query(shown, "pdf")}`}
                  download
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  Download PDF
                </a>
                <a
                  href={`${API}?${query(shown, "csv")}`}
                  download
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  Download CSV
                </a>
              </div>
            }
          >
            <TableBox label="Statement table" search="rows" exportFilename="statement-lines.csv" className="mt-4">
              <table className="w-full text-left text-sm" data-testid="statement-table">
                <caption className="sr-only">
                  Statement lines from {statement.start_date} to {statement.end_date} in {currency}, oldest first
                </caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Date
                    </th>
                    <th scope="col" className="py-2 pr-4 font-medium">
                      Details
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      Debit
                    </th>
                    <th scope="col" className="py-2 pr-4 text-right font-medium">
                      Credit
                    </th>
                    <th scope="col" className="py-2 text-right font-medium">
                      Balance
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr className="border-b border-slate-100">
                    <td className="py-2 pr-4 whitespace-nowrap">{statement.start_date}</td>
                    <th scope="row" className="py-2 pr-4 font-medium">
                      Opening balance
                    </th>
                    <td />
                    <td />
                    <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(statement.opening_balance)}</td>
                  </tr>
                  {statement.lines.map((line, i) => (
                    <tr key={i} className="border-b border-slate-100" data-testid="statement-line">
                      <td className="py-2 pr-4 whitespace-nowrap">{line.date}</td>
                      <th scope="row" className="py-2 pr-4 font-normal">
                        <span className="font-medium">{TYPE_LABELS[line.type]}</span>
                        {line.document_number ? <span className="ml-2 font-mono text-xs">{line.document_number}</span> : null}
                        <span className="block text-slate-600">
                          {[line.description, line.method ? labelFor(line.method) : null, line.provider_receipt]
                            .filter(Boolean)
                            .join(" · ")}
                        </span>
                      </th>
                      <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{line.debit ? money(line.debit) : ""}</td>
                      <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{line.credit ? money(line.credit) : ""}</td>
                      <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(line.balance)}</td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="font-semibold">
                    <td className="py-2 pr-4 whitespace-nowrap">{statement.end_date}</td>
                    <th scope="row" className="py-2 pr-4">
                      Closing balance
                    </th>
                    <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{money(statement.total_debits)}</td>
                    <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{money(statement.total_credits)}</td>
                    <td className="py-2 text-right whitespace-nowrap tabular-nums">{money(statement.closing_balance)}</td>
                  </tr>
                </tfoot>
              </table>
            </TableBox>
            {statement.lines.length === 0 ? (
              <p role="status" className="mt-4 rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">
                Nothing was invoiced, paid or refunded in {currency} in this period.
              </p>
            ) : null}
          </Panel>
        </>
      ) : (
        <p role="alert" className="rounded-md bg-rose-50 p-4 text-sm text-rose-800">
          Correct the period to see the statement.
        </p>
      )}
    </div>
  );
}
