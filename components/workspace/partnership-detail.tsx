import type { ContractDetail } from "@/lib/partnerships/contract-schemas";
import type { PartnershipResponse } from "@/lib/partnerships/partnership-schemas";
import { formatMoney } from "@/lib/money";
import { EmptyState } from "./empty-state";
import { formatDate, formatDateTime, humanize } from "./format";
import { StatusBadge } from "@/components/ui/status-badge";

type Partnership = PartnershipResponse;

function Card({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function PartiesCard({ partnership }: { partnership: Partnership }) {
  const { brandDetails: brand, creatorDetails: creator } = partnership;
  return (
    <Card title="Parties" id="parties-heading">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">Brand</dt>
          <dd className="font-medium text-slate-900">{brand.name}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Creator</dt>
          <dd className="font-medium text-slate-900">
            {creator.name}
            {creator.handle ? <span className="font-normal text-slate-500"> @{creator.handle}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Campaign</dt>
          <dd className="text-slate-900">{partnership.campaignName ?? "No campaign"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Timeline</dt>
          <dd className="text-slate-900">
            {formatDate(partnership.timeline.startDate)} – {formatDate(partnership.timeline.endDate)}
          </dd>
        </div>
      </dl>
    </Card>
  );
}

export function CompensationCard({ partnership, sandboxNotice }: { partnership: Partnership; sandboxNotice?: React.ReactNode }) {
  const { compensation } = partnership;
  return (
    <Card title="Compensation and payments" id="payments-heading">
      <p className="text-2xl font-semibold text-slate-900" data-testid="compensation">
        {formatMoney(compensation.amount, compensation.currency)}
      </p>
      <p className="mt-1 text-sm text-slate-600">{compensation.paymentSchedule ?? "No payment schedule given."}</p>
      {sandboxNotice ? <div className="mt-3">{sandboxNotice}</div> : null}
      {compensation.payments.length === 0 ? (
        <div className="mt-3">
          <EmptyState title="No payments scheduled yet">Payments are scheduled when the contract becomes active.</EmptyState>
        </div>
      ) : (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Payment schedule</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-1 font-medium">Payment</th>
              <th scope="col" className="py-1 font-medium">Amount</th>
              <th scope="col" className="py-1 font-medium">Due</th>
              <th scope="col" className="py-1 font-medium">Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {compensation.payments.map((payment) => (
              <tr key={payment.id} data-testid="payment-row">
                <td className="py-2">{humanize(payment.type)}</td>
                <td className="py-2">{formatMoney(payment.amount, compensation.currency)}</td>
                <td className="py-2">{formatDate(payment.dueDate)}</td>
                <td className="py-2">
                  <StatusBadge status={payment.status} />
                  {payment.paidAt ? <span className="ml-2 text-xs text-slate-500">paid {formatDate(payment.paidAt)}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function ContractCard({ contract }: { contract: ContractDetail | null }) {
  return (
    <Card title="Contract" id="contract-heading">
      {contract ? (
        <div className="space-y-2 text-sm">
          <p className="flex items-center gap-2">
            <span className="text-slate-500">Status</span> <StatusBadge status={contract.status} testId="contract-status" />
          </p>
          <p className="text-slate-700">
            Creator signed: {formatDate(contract.creatorSignedAt)} · Brand signed: {formatDate(contract.brandSignedAt)}
          </p>
          <a href={contract.documentUrl} className="inline-block font-medium text-brand-700 hover:underline" target="_blank" rel="noopener">
            Contract PDF
          </a>
        </div>
      ) : (
        <EmptyState title="No contract yet">The contract is generated from the accepted proposal.</EmptyState>
      )}
    </Card>
  );
}

export function DeliverablesCard({ deliverables }: { deliverables: Partnership["deliverables"] }) {
  const approved = deliverables.filter((d) => d.status === "approved").length;
  return (
    <Card title={`Deliverables (${approved}/${deliverables.length} approved)`} id="deliverables-heading">
      {deliverables.length === 0 ? (
        <EmptyState title="No deliverables" />
      ) : (
        <ol className="space-y-3">
          {deliverables.map((d) => (
            <li key={d.id} data-testid="deliverable" className="rounded-md border border-slate-200 p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{humanize(d.type)}</p>
                  <p className="font-medium text-slate-900">{d.description}</p>
                </div>
                <StatusBadge status={d.status} />
              </div>
              <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-slate-500">Due</dt>
                <dd>{formatDate(d.dueDate)}</dd>
                {d.requirements ? (
                  <>
                    <dt className="text-slate-500">Requirements</dt>
                    <dd className="text-slate-700">{d.requirements}</dd>
                  </>
                ) : null}
                {d.submissionUrl ? (
                  <>
                    <dt className="text-slate-500">Submission</dt>
                    <dd className="min-w-0 truncate">
                      <a href={d.submissionUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 hover:underline">
                        {d.submissionUrl}
                      </a>
                      {d.submittedAt ? <span className="text-slate-500"> · {formatDate(d.submittedAt)}</span> : null}
                    </dd>
                  </>
                ) : null}
                {d.feedback ? (
                  <>
                    <dt className="text-slate-500">Feedback</dt>
                    <dd className="text-slate-700">{d.feedback}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

export function ActivityCard({ activity }: { activity: Partnership["activity"] }) {
  return (
    <Card title="Activity" id="activity-heading">
      {activity.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm">
          {[...activity].reverse().map((a, i) => (
            <li key={`${a.timestamp}-${i}`} data-testid="activity-item">
              <p className="text-slate-900">{a.description}</p>
              <p className="text-xs text-slate-500">
                <time dateTime={a.timestamp}>{formatDateTime(a.timestamp)}</time>
                {a.userName ? ` · ${a.userName}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
