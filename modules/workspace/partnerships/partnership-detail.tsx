import type { ReactNode } from "react";
import { SectionCard } from "@/components/ui/section-card";
import { DeliverableHeading, DeliverableTerms } from "@/modules/workspace/deliverable-terms";
import type { EscrowBalances } from "@/lib/partnerships/get-escrow-balances";
import type { ContractDetail } from "@/lib/partnerships/schemas/contracts";
import type { PartnershipResponse } from "@/lib/partnerships/schemas/partnerships";
import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import { ContractDocuments, ContractSignatures } from "./contract-actions";
import { EmptyState } from "@/components/ui/empty-state";
import { labelFor } from "@/lib/humanize";
import { formatMoney } from "@/lib/format";

type Partnership = PartnershipResponse;
type Payment = Partnership["compensation"]["payments"][number];
type Deliverable = Partnership["deliverables"][number];

export function PartiesCard({ partnership }: { partnership: Partnership }) {
  const { brandDetails: brand, creatorDetails: creator } = partnership;
  return (
    <SectionCard title="Parties" id="parties-heading">
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
            <LocalDate value={partnership.timeline.startDate} /> – <LocalDate value={partnership.timeline.endDate} />
          </dd>
        </div>
      </dl>
    </SectionCard>
  );
}

/** Shown to both parties once every deliverable is approved and every payment released. */
export function CompletedBanner({ partnership }: { partnership: Partnership }) {
  if (partnership.status !== "completed") return null;
  return (
    <div
      role="status"
      data-testid="partnership-completed"
      className="rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-emerald-900"
    >
      <p className="font-semibold">Completed</p>
      <p className="mt-0.5 text-sm">
        Every deliverable is approved and every payment has been released to the creator
        {partnership.completedAt ? (
          <>
            {" "}
            (<LocalDate value={partnership.completedAt} time />)
          </>
        ) : null}
        .
      </p>
    </div>
  );
}

const PAYMENT_LABELS: Record<Payment["status"], string> = {
  pending: "Awaiting payment",
  in_progress: "Held in escrow",
  completed: "Released",
  failed: "Failed",
  cancelled: "Cancelled",
  refunded: "Refunded to the brand",
};

/** How much is waiting, held in escrow and released, in the partnership's currency. */
function EscrowSummary({ balances }: { balances: EscrowBalances }) {
  const rows = [
    { label: "Awaiting payment", amount: balances.awaiting, testId: "escrow-awaiting" },
    { label: "Held in escrow", amount: balances.held, testId: "escrow-held" },
    { label: "Released to the creator", amount: balances.released, testId: "escrow-released" },
  ];
  return (
    <dl className="mt-3 grid grid-cols-1 gap-2 text-sm sm:grid-cols-3" data-testid="escrow-summary">
      {rows.map((row) => (
        <div key={row.testId} className="rounded-md bg-slate-50 px-3 py-2">
          <dt className="text-slate-500">{row.label}</dt>
          <dd className="font-semibold text-slate-900" data-testid={row.testId}>
            {formatMoney(row.amount, balances.currency)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function CompensationCard({
  partnership,
  balances,
  sandboxNotice,
  paymentActions = {},
}: {
  partnership: Partnership;
  /** The escrow ledger's figures for the partnership. */
  balances: EscrowBalances;
  sandboxNotice?: ReactNode;
  /** Controls per payment id, for the party allowed to act on it. */
  paymentActions?: Record<string, ReactNode>;
}) {
  const { compensation } = partnership;
  return (
    <SectionCard title="Compensation and payments" id="payments-heading">
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
        <>
          <EscrowSummary balances={balances} />
          <ul className="mt-3 space-y-3" aria-label="Payment schedule">
            {compensation.payments.map((payment) => (
              <li
                key={payment.id}
                data-testid="payment-row"
                data-payment-type={payment.type}
                data-payment-status={payment.status}
                className="rounded-md border border-slate-200 p-3"
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{labelFor(payment.type)} payment</p>
                    <p className="text-lg font-semibold text-slate-900">{formatMoney(payment.amount, compensation.currency)}</p>
                  </div>
                  <StatusBadge status={payment.status} label={PAYMENT_LABELS[payment.status]} testId="payment-status" />
                </div>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-500">Due</dt>
                  <dd>
                    <LocalDate value={payment.dueDate} />
                  </dd>
                  {payment.paidAt ? (
                    <>
                      <dt className="text-slate-500">Released</dt>
                      <dd>
                        <LocalDate value={payment.paidAt} time />
                      </dd>
                    </>
                  ) : null}
                </dl>
                {paymentActions[payment.id] ?? null}
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionCard>
  );
}

export function ContractCard({ contract, actions }: { contract: ContractDetail | null; actions?: ReactNode }) {
  return (
    <SectionCard title="Contract" id="contract-heading">
      {contract ? (
        <div className="space-y-3 text-sm">
          <p className="flex items-center gap-2">
            <span className="text-slate-500">Status</span>{" "}
            <StatusBadge
              status={contract.status}
              testId="contract-status"
              label={contract.status === "active" ? "Signed by both parties" : undefined}
            />
          </p>
          <ContractSignatures contract={contract} />
          <ContractDocuments contract={contract} />
        </div>
      ) : (
        <EmptyState title="No contract yet">The contract is generated from the accepted proposal.</EmptyState>
      )}
      {actions}
    </SectionCard>
  );
}

function deliverableLabel(d: Deliverable): string | undefined {
  if (d.status === "in_progress" && d.feedback) return "Revision requested";
  if (d.status === "submitted") return "Submitted for review";
  return undefined;
}

export function DeliverablesCard({
  deliverables,
  actions = {},
  history = {},
}: {
  deliverables: Deliverable[];
  actions?: Record<string, ReactNode>;
  /** Each deliverable's versions and comments. */
  history?: Record<string, ReactNode>;
}) {
  const approved = deliverables.filter((d) => d.status === "approved").length;
  return (
    <SectionCard title={`Deliverables (${approved}/${deliverables.length} approved)`} id="deliverables-heading">
      {deliverables.length === 0 ? (
        <EmptyState title="No deliverables" />
      ) : (
        <ol className="space-y-3">
          {deliverables.map((d) => (
            <li key={d.id} data-testid="deliverable" data-deliverable-status={d.status} className="rounded-md border border-slate-200 p-3">
              <DeliverableHeading type={d.type} description={d.description}>
                <StatusBadge status={d.status} label={deliverableLabel(d)} testId="deliverable-status" />
              </DeliverableHeading>
              <DeliverableTerms dueDate={d.dueDate} requirements={d.requirements}>
                {d.submissionUrl ? (
                  <>
                    <dt className="text-slate-500">{d.status === "in_progress" ? "Previous submission" : "Submission"}</dt>
                    <dd className="min-w-0 break-all" data-testid="deliverable-submission">
                      <a
                        href={d.submissionUrl}
                        target="_blank"
                        rel="noopener noreferrer nofollow"
                        className="text-brand-700 hover:underline"
                      >
                        {d.submissionUrl}
                      </a>
                      {d.submittedAt ? (
                        <span className="text-slate-500">
                          {" "}
                          · submitted <LocalDate value={d.submittedAt} time />
                        </span>
                      ) : null}
                    </dd>
                  </>
                ) : null}
                {d.status === "submitted" && d.reviewDeadlineAt ? (
                  <>
                    <dt className="text-slate-500">Review by</dt>
                    <dd data-testid="deliverable-review-deadline">
                      Approved automatically on <LocalDate value={d.reviewDeadlineAt} time /> unless reviewed
                    </dd>
                  </>
                ) : null}
                {d.approvedAt ? (
                  <>
                    <dt className="text-slate-500">Approved</dt>
                    <dd>
                      <LocalDate value={d.approvedAt} time />
                      {d.autoApproved ? <span className="text-slate-500"> · automatically, the review window having passed</span> : null}
                    </dd>
                  </>
                ) : null}
                {d.feedback ? (
                  <>
                    <dt className="text-slate-500">{d.status === "in_progress" ? "Changes requested" : "Feedback"}</dt>
                    <dd className="whitespace-pre-line text-slate-700" data-testid="deliverable-feedback">
                      {d.feedback}
                    </dd>
                  </>
                ) : null}
              </DeliverableTerms>
              {history[d.id] ?? null}
              {actions[d.id] ?? null}
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}

export function ActivityCard({ activity }: { activity: Partnership["activity"] }) {
  return (
    <SectionCard title="Activity" id="activity-heading">
      {activity.length === 0 ? (
        <EmptyState title="No activity yet" />
      ) : (
        <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm" aria-label="Activity" data-testid="activity-feed">
          {[...activity].reverse().map((a, i) => (
            <li key={`${a.timestamp}-${a.type}-${i}`} data-testid="activity-item" data-activity-type={a.type}>
              <p className="text-slate-900">{a.description}</p>
              <p className="text-xs text-slate-500">
                <LocalDate value={a.timestamp} time />
                {a.userName ? ` · ${a.userName}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}
