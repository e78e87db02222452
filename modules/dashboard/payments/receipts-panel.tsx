import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import { Pager } from "@/components/ui/pager";
import { Panel } from "@/components/ui/stat-card";
import type { Actor } from "@/lib/auth/actor";
import { listReceipts } from "@/lib/billing/list-receipts";
import { formatMoney } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { TableBox } from "@/components/ui/table-box";

type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 10;

/** Links from the payments page to the partner's statements and document details; they wrap on a phone. */
export function PaymentDocumentLinks() {
  const link =
    "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";
  return (
    <>
      <Link href="/dashboard/payments/statements" className={link}>
        Statements
      </Link>
      <Link href="/dashboard/organization" className={link}>
        Organisation details
      </Link>
    </>
  );
}

/** The partner's receipts, one per completed payment, each with its PDF. Pages with `receipt_page`, keeping the page's other filters. */
export async function ReceiptsPanel({ actor, searchParams }: { actor: Actor; searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const raw = Number(Array.isArray(params.receipt_page) ? params.receipt_page[0] : params.receipt_page);
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const receipts = await listReceipts({ actor, query: { page, limit: PAGE_SIZE } });
  const hrefFor = (receiptPage: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (key === "receipt_page" || value === undefined) continue;
      for (const item of [value].flat()) query.append(key, item);
    }
    if (receiptPage > 1) query.set("receipt_page", String(receiptPage));
    const text = query.toString();
    return text ? `/dashboard/payments?${text}` : "/dashboard/payments";
  };

  return (
    <Panel id="receipts-heading" title="Receipts">
      {receipts.receipts.length === 0 ? (
        <p role="status" className="mt-4 rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">
          No receipts yet: each completed payment gets one.
        </p>
      ) : (
        <TableBox label="Receipts table" search="rows" exportFilename="receipts.csv" className="mt-4">
          <table className="w-full text-left text-sm" data-testid="receipts-table">
            <caption className="sr-only">Receipts, newest first</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-4 font-medium">
                  Receipt
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Issued
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  Paid by
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
              {receipts.receipts.map((receipt) => (
                <tr key={receipt.id} className="border-b border-slate-100" data-testid="receipt-row">
                  <th scope="row" className="py-2 pr-4 font-mono text-xs font-normal whitespace-nowrap">
                    {receipt.receipt_number}
                    {receipt.invoice_number ? <span className="block font-sans text-slate-600">For {receipt.invoice_number}</span> : null}
                  </th>
                  <td className="py-2 pr-4 whitespace-nowrap">
                    <LocalDate value={receipt.issued_at} />
                  </td>
                  <td className="py-2 pr-4">
                    {labelFor(receipt.method)}
                    {receipt.provider_receipt ? (
                      <span className="block font-mono text-xs text-slate-600">{receipt.provider_receipt}</span>
                    ) : null}
                    {receipt.sandbox ? (
                      <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Sandbox</span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4 text-right whitespace-nowrap tabular-nums">{formatMoney(receipt.amount, receipt.currency)}</td>
                  <td className="py-2 whitespace-nowrap">
                    <a
                      href={receipt.download_url}
                      download
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      aria-label={`Download PDF of receipt ${receipt.receipt_number}`}
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
      {receipts.pages > 1 ? <Pager label="Receipt pages" page={page} pages={receipts.pages} hrefFor={hrefFor} className="mt-4" /> : null}
    </Panel>
  );
}
