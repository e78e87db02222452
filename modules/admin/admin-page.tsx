import { LocalDate } from "@/components/ui/local-date";
import { VerifyButtons } from "@/modules/admin/verify-buttons";
import { requirePageActor } from "@/lib/auth/page-guard";
import { labelFor } from "@/lib/humanize";
import { listPendingPayments } from "@/lib/sponsorship/list-pending-payments";
import { UnappliedMoney } from "@/modules/admin/unapplied-money";
import { formatMoney } from "@/lib/format";
import { getVerifiedPayment } from "@/lib/sponsorship/get-verified-payment";

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ marked?: string | string[] }> }) {
  const actor = await requirePageActor(["admin"]);
  const markedId = (await searchParams).marked;
  const [{ payments, total }, marked] = await Promise.all([
    listPendingPayments({ actor }),
    typeof markedId === "string" ? getVerifiedPayment({ actor, paymentId: markedId }) : null,
  ]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="queue-title" className="space-y-4">
        <div>
          <h1 id="queue-title" className="text-2xl font-semibold">
            Payments to verify
          </h1>
          <p className="mt-1 text-slate-600">
            Signed in as {actor.email}. Partner payments awaiting verification: {total}. Marking one received activates the sponsorships it
            funds and marks its invoice paid.
          </p>
        </div>
        {marked ? (
          <p
            role="status"
            className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
            data-testid="marked-result"
          >
            Payment <span className="font-mono">{marked.reference}</span> from {marked.partner} (
            {formatMoney(marked.amount, marked.currency)}) is now {labelFor(marked.status).toLowerCase()}
            {marked.status === "completed" ? ": its receipt is issued and what it funds is active." : "."}
          </p>
        ) : null}
        {payments.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
            Nothing is waiting to be verified.
          </p>
        ) : (
          <ul className="space-y-3">
            {payments.map((payment) => (
              <li key={payment.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="pending-payment">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="font-medium">
                    {payment.partner} · {formatMoney(payment.amount, payment.currency)}
                  </p>
                  <p className="font-mono text-sm text-slate-600">{payment.reference}</p>
                </div>
                <p className="mt-1 text-sm text-slate-600">
                  {labelFor(payment.method)}
                  {payment.bankReference ? ` · bank reference ${payment.bankReference}` : ""}
                  {payment.phoneNumber ? ` · ${payment.phoneNumber}` : ""}
                  {payment.program ? ` · funds ${payment.program}` : ""}
                  {payment.sponsorships ? ` · funds ${payment.sponsorships} sponsorship${payment.sponsorships === 1 ? "" : "s"}` : ""}
                  {" · "}
                  <LocalDate value={payment.createdAt} />
                </p>
                {payment.description ? <p className="mt-1 text-sm">{payment.description}</p> : null}
                <div className="mt-3">
                  <VerifyButtons
                    paymentId={payment.id}
                    reference={payment.reference}
                    summary={`${payment.partner} · ${formatMoney(payment.amount, payment.currency)}`}
                    rateFor={
                      payment.currency === payment.reportingCurrency ? undefined : { from: payment.currency, to: payment.reportingCurrency }
                    }
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <UnappliedMoney actor={actor} />
    </div>
  );
}
