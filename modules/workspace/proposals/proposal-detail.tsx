import Link from "next/link";
import { SectionCard } from "@/components/ui/section-card";
import { DeliverableHeading, DeliverableTerms } from "@/modules/workspace/deliverable-terms";
import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import type { ProposalChainLink } from "@/lib/partnerships/get-proposal-chain";
import type { ProposalResponse } from "@/lib/partnerships/schemas/proposals";
import { EmptyState } from "@/components/ui/empty-state";
import { formatMoney } from "@/lib/format";

type Proposal = ProposalResponse;

export function ProposalSummaryCard({ proposal }: { proposal: Proposal }) {
  return (
    <SectionCard title="Summary" id="proposal-summary-heading">
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">From</dt>
          <dd className="font-medium text-slate-900" data-testid="proposal-sender">
            {proposal.senderDetails.name} <span className="font-normal text-slate-500">({proposal.senderType})</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">To</dt>
          <dd className="font-medium text-slate-900" data-testid="proposal-recipient">
            {proposal.recipientDetails.name} <span className="font-normal text-slate-500">({proposal.recipientType})</span>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Campaign</dt>
          <dd className="text-slate-900">{proposal.campaignName ?? "No campaign"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Timeline</dt>
          <dd className="text-slate-900" data-testid="proposal-timeline">
            <LocalDate value={proposal.timeline.startDate} /> – <LocalDate value={proposal.timeline.endDate} />
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Sent</dt>
          <dd className="text-slate-900">{proposal.sentAt ? <LocalDate value={proposal.sentAt} time /> : "Not sent yet"}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Answered</dt>
          <dd className="text-slate-900">{proposal.respondedAt ? <LocalDate value={proposal.respondedAt} time /> : "Not yet"}</dd>
        </div>
      </dl>
      {proposal.rejectionReason ? (
        <div className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-900" data-testid="rejection-reason">
          <p className="font-semibold">Reason for rejecting</p>
          <p className="mt-1 whitespace-pre-line">{proposal.rejectionReason}</p>
        </div>
      ) : null}
    </SectionCard>
  );
}

export function ProposalCompensationCard({ proposal }: { proposal: Proposal }) {
  const { compensation } = proposal;
  return (
    <SectionCard title="Compensation" id="proposal-compensation-heading">
      <p className="text-2xl font-semibold text-slate-900" data-testid="proposal-compensation">
        {formatMoney(compensation.amount, compensation.currency)}
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {compensation.paymentSchedule ?? "No payment schedule given: the whole amount is paid on completion."}
      </p>
      {compensation.paymentPlan ? (
        <ol className="mt-2 space-y-1 text-sm" aria-label="Payment plan" data-testid="proposal-payment-plan">
          {compensation.paymentPlan.map((item) => (
            <li key={item.position} className="flex flex-wrap justify-between gap-2">
              <span className="text-slate-700">{item.description}</span>
              <span className="font-medium text-slate-900">{formatMoney(item.amount, compensation.currency)}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </SectionCard>
  );
}

export function ProposalDeliverablesCard({ deliverables }: { deliverables: Proposal["deliverables"] }) {
  return (
    <SectionCard title={`Deliverables (${deliverables.length})`} id="proposal-deliverables-heading">
      {deliverables.length === 0 ? (
        <EmptyState title="No deliverables" />
      ) : (
        <ol className="space-y-3">
          {deliverables.map((d, i) => (
            <li key={i} data-testid="proposal-deliverable" className="rounded-md border border-slate-200 p-3">
              <DeliverableHeading type={d.type} description={d.description} />
              <DeliverableTerms dueDate={d.dueDate} requirements={d.requirements} />
            </li>
          ))}
        </ol>
      )}
    </SectionCard>
  );
}

const TERM_LABELS: Array<[keyof Proposal["terms"], string]> = [
  ["contentRights", "Content rights"],
  ["exclusivity", "Exclusivity"],
  ["revisions", "Revisions"],
  ["additionalTerms", "Additional terms"],
];

export function ProposalTermsCard({ terms }: { terms: Proposal["terms"] }) {
  const set = TERM_LABELS.filter(([key]) => terms[key]);
  return (
    <SectionCard title="Terms" id="proposal-terms-heading">
      {set.length === 0 ? (
        <EmptyState title="No terms given" />
      ) : (
        <dl className="space-y-2 text-sm">
          {set.map(([key, label]) => (
            <div key={key}>
              <dt className="text-slate-500">{label}</dt>
              <dd className="whitespace-pre-line text-slate-900">{terms[key]}</dd>
            </div>
          ))}
        </dl>
      )}
    </SectionCard>
  );
}

const ACTION_TEXT: Record<Proposal["history"][number]["action"], string> = {
  created: "created the proposal",
  sent: "sent the proposal",
  viewed: "viewed the proposal",
  accepted: "accepted the proposal",
  countered: "countered the proposal",
  rejected: "rejected the proposal",
};

const COUNTERED_WITH = /^Countered with proposal ([0-9a-f-]{36})$/i;

/** The proposal's action log, oldest first, naming who did what. */
export function ProposalHistoryCard({ proposal }: { proposal: Proposal }) {
  const nameOf = (userId: string) =>
    userId === proposal.senderId
      ? proposal.senderDetails.name
      : userId === proposal.recipientId
        ? proposal.recipientDetails.name
        : "Someone";
  return (
    <SectionCard title="History" id="proposal-history-heading">
      {proposal.history.length === 0 ? (
        <EmptyState title="No history yet" />
      ) : (
        <ol className="space-y-2 border-l border-slate-200 pl-4 text-sm">
          {proposal.history.map((event, i) => {
            const counter = event.note ? COUNTERED_WITH.exec(event.note) : null;
            return (
              <li key={`${event.timestamp}-${i}`} data-testid="proposal-history-item" data-action={event.action}>
                <p className="text-slate-900">
                  <span className="font-medium">{nameOf(event.userId)}</span> {ACTION_TEXT[event.action]}
                  {counter ? (
                    <>
                      {" "}
                      with{" "}
                      <Link href={`/workspace/proposals/${counter[1]}`} className="text-brand-700 hover:underline">
                        a counter-proposal
                      </Link>
                    </>
                  ) : null}
                </p>
                {event.note && !counter ? <p className="whitespace-pre-line text-slate-600">{event.note}</p> : null}
                <p className="text-xs text-slate-500">
                  <LocalDate value={event.timestamp} time />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </SectionCard>
  );
}

/** The counter-proposal chain: each proposal and the one that answered it, the current one marked. */
export function ProposalChainCard({ chain, currentId }: { chain: ProposalChainLink[]; currentId: string }) {
  if (chain.length < 2) return null;
  return (
    <SectionCard title="Counter-proposals" id="proposal-chain-heading">
      <ol className="space-y-2 text-sm" data-testid="proposal-chain">
        {chain.map((link, i) => {
          const current = link.id === currentId;
          const label = i === 0 ? `Original proposal from ${link.senderName}` : `Counter-proposal from ${link.senderName}`;
          return (
            <li key={link.id} data-testid="proposal-chain-link" className="flex flex-wrap items-center gap-x-3 gap-y-1">
              {current ? (
                <span aria-current="page" className="font-semibold text-slate-900">
                  {label} (this proposal)
                </span>
              ) : (
                <Link href={`/workspace/proposals/${link.id}`} className="font-medium text-brand-700 hover:underline">
                  {label}
                </Link>
              )}
              <span className="text-slate-700">{formatMoney(link.amount, link.currency)}</span>
              <StatusBadge status={link.status} />
            </li>
          );
        })}
      </ol>
    </SectionCard>
  );
}
