import type { Actor } from "@/lib/auth/actor";
import { LocalDate } from "@/components/ui/local-date";
import { formatMoney } from "@/lib/format";
import { listUnappliedMoney } from "@/lib/sponsorship/unapplied-money";
import { ResolveUnappliedMoneyForm } from "@/modules/admin/resolve-unapplied-money-form";

/** M-Pesa money received that paid for nothing, waiting to be refunded or applied by hand. */
export async function UnappliedMoney({ actor }: { actor: Actor }) {
  const { items, totals } = await listUnappliedMoney({ actor });
  return (
    <section aria-labelledby="unapplied-title" className="space-y-4" data-testid="unapplied-money">
      <div>
        <h2 id="unapplied-title" className="text-xl font-semibold">
          M-Pesa money to settle by hand
        </h2>
        <p className="mt-1 text-slate-600">
          Money M-Pesa reports received that no payment counts: paid after its prompt expired or failed, for another amount or from another
          phone, or through Paybill with an account number that names no pending payment. Refund it or apply it, then say what was done.
          {totals.length
            ? ` Waiting: ${totals.map((total) => `${formatMoney(total.amount, total.currency)} in ${total.count} report${total.count === 1 ? "" : "s"}`).join(", ")}.`
            : ""}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">Nothing to settle.</p>
      ) : (
        <ul className="space-y-3">
          {items.map((item) => (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="unapplied-money-item">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="font-medium">
                  {formatMoney(item.amount, item.currency)}
                  {item.payment ? ` · ${item.payment.partner}` : ""}
                </p>
                <p className="font-mono text-sm text-slate-600">{item.providerReceipt ?? item.id}</p>
              </div>
              <p className="mt-1 text-sm">{item.reason}</p>
              <p className="mt-1 text-sm text-slate-600">
                Received <LocalDate value={item.receivedAt} />
                {item.payment ? ` · payment ${item.payment.reference}` : ""}
              </p>
              <ResolveUnappliedMoneyForm eventId={item.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
