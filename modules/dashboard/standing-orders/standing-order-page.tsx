import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/stat-card";
import { StatusBadge } from "@/components/ui/status-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formatMoney } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { orNotFound } from "@/lib/pages/or-not-found";
import { listProgramOptions } from "@/lib/sponsorship/list-program-options";
import { getStandingOrder } from "@/lib/standing-orders/get-standing-order";
import { StandingOrderControls } from "@/modules/dashboard/standing-orders/standing-order-controls";
import { TableBox } from "@/components/ui/table-box";

const RUN_STATUS_TEXT: Record<string, string> = {
  pending: "Payment under way",
  retrying: "Failed; will be retried",
  paid: "Paid",
  failed: "Failed; no attempts left",
  skipped: "Skipped",
};

/** One standing order: its terms, and every run with each payment attempt, failure and retry. */
export default async function StandingOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["partner"]);
  const { id } = await params;
  const order = await orNotFound(getStandingOrder({ actor, standingOrderId: id }));
  const programs = order.program_id ? await listProgramOptions({ actor }) : [];
  const programName = programs.find((program) => program.id === order.program_id)?.name;

  return (
    <div className="space-y-6">
      <PartnerPageHeader
        title={order.description ?? "Standing order"}
        back={{ href: "/dashboard/payments/standing-orders", label: "Standing orders" }}
      >
        {formatMoney(order.amount, order.currency)} {labelFor(order.frequency).toLowerCase()} by {labelFor(order.method)}.
      </PartnerPageHeader>

      <Panel id="standing-order-terms-heading" title="Terms">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">Status</dt>
          <dd>
            <StatusBadge status={order.status} testId="standing-order-status" />
            {order.paused_at ? (
              <span className="ml-2 text-slate-600">
                since <LocalDate value={order.paused_at} time />
              </span>
            ) : null}
          </dd>
          <dt className="text-slate-600">Pays for</dt>
          <dd>
            {order.program_id ? (
              <Link href={`/dashboard/programs/${order.program_id}`} className="text-brand-700 underline-offset-2 hover:underline">
                {programName ?? "Program"}
              </Link>
            ) : (
              `${order.sponsorship_ids.length} ${order.sponsorship_ids.length === 1 ? "sponsorship" : "sponsorships"}`
            )}
          </dd>
          <dt className="text-slate-600">Amount</dt>
          <dd className="font-medium">{formatMoney(order.amount, order.currency)}</dd>
          <dt className="text-slate-600">Frequency</dt>
          <dd>{labelFor(order.frequency)}</dd>
          <dt className="text-slate-600">Method</dt>
          <dd>
            {labelFor(order.method)}
            {order.phone_number ? ` to ${order.phone_number}` : ""}
          </dd>
          <dt className="text-slate-600">First due</dt>
          <dd>
            <LocalDate value={order.start_date} />
          </dd>
          <dt className="text-slate-600">Ends</dt>
          <dd>{order.end_date ? <LocalDate value={order.end_date} /> : "When cancelled"}</dd>
          <dt className="text-slate-600">Next due</dt>
          <dd data-testid="standing-order-next-due">
            {order.status === "paused" ? "When resumed" : order.next_due_date ? <LocalDate value={order.next_due_date} /> : "—"}
          </dd>
        </dl>
        <p className="mt-3 text-xs text-slate-600">
          Due dates are calendar days in UTC. A payment that fails is retried after 1 hour, 6 hours and 24 hours; after that the run fails
          and the next due date is charged as usual.
        </p>
        <div className="mt-4">
          <StandingOrderControls standingOrderId={order.id} status={order.status} />
        </div>
      </Panel>

      <Panel id="standing-order-runs-heading" title="Runs">
        {order.runs.length === 0 ? (
          <p role="status" className="rounded-md bg-slate-50 p-6 text-center text-sm text-slate-600">
            Nothing has fallen due yet.
          </p>
        ) : (
          <ol className="space-y-4" data-testid="standing-order-runs">
            {order.runs.map((run) => (
              <li key={run.id} className="rounded-md border border-slate-200 p-4" data-testid="standing-order-run">
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-medium">
                    Due <LocalDate value={run.due_date} /> <span className="font-normal text-slate-600">({run.period})</span>
                  </h3>
                  <StatusBadge
                    status={run.status}
                    label={RUN_STATUS_TEXT[run.status]}
                    tone={run.status === "retrying" ? "warning" : run.status === "skipped" ? "neutral" : undefined}
                  />
                </div>
                <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">Attempts</dt>
                  <dd>{run.attempts}</dd>
                  {run.next_attempt_at && run.status === "retrying" ? (
                    <>
                      <dt className="text-slate-600">Next attempt</dt>
                      <dd>
                        <LocalDate value={run.next_attempt_at} time />
                      </dd>
                    </>
                  ) : null}
                  {run.last_error ? (
                    <>
                      <dt className="text-slate-600">{run.status === "skipped" ? "Why skipped" : "Last failure"}</dt>
                      <dd className="text-rose-800">{run.last_error}</dd>
                    </>
                  ) : null}
                </dl>
                {run.payments.length ? (
                  <TableBox
                    label={`Payment attempts of the run due ${run.due_date}`}
                    search="rows"
                    exportFilename={`run-${run.due_date}.csv`}
                    className="mt-3"
                  >
                    <table className="w-full text-left text-sm">
                      <caption className="sr-only">Payment attempts for the run due {run.due_date}, oldest first</caption>
                      <thead>
                        <tr className="border-b border-slate-200">
                          <th scope="col" className="py-1 pr-4 font-medium">
                            Started
                          </th>
                          <th scope="col" className="py-1 pr-4 font-medium">
                            Payment
                          </th>
                          <th scope="col" className="py-1 pr-4 font-medium">
                            Status
                          </th>
                          <th scope="col" className="py-1 font-medium">
                            Failure reason
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {run.payments.map((payment) => (
                          <tr key={payment.id} className="border-b border-slate-100">
                            <td className="py-1 pr-4 whitespace-nowrap">
                              <LocalDate value={payment.created_at} time />
                            </td>
                            <th scope="row" className="py-1 pr-4 font-mono text-xs font-normal">
                              <Link
                                href={`/dashboard/payments/${payment.id}`}
                                className="text-brand-700 underline-offset-2 hover:underline"
                              >
                                {payment.reference}
                              </Link>
                            </th>
                            <td className="py-1 pr-4">
                              <StatusBadge status={payment.status} />
                            </td>
                            <td className="py-1 text-slate-700">{payment.failure_reason ?? "—"}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableBox>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Panel>
    </div>
  );
}
