import { LocalDate } from "@/components/ui/local-date";
import { SectionCard } from "@/components/ui/section-card";
import { StatusBadge } from "@/components/ui/status-badge";
import type { PartnershipResponse } from "@/lib/partnerships/schemas/partnerships";

type Dispute = PartnershipResponse["disputes"][number];

const OUTCOME_TEXT: Record<NonNullable<Dispute["outcome"]>, string> = {
  release: "Resolved for the creator: the money was released",
  refund: "Resolved for the brand: the money was refunded",
  split: "Resolved by a split between the creator and the brand",
};

/** The partnership's disputes, open first; nothing when there are none. */
export function DisputesCard({ disputes }: { disputes: Dispute[] }) {
  if (disputes.length === 0) return null;
  const ordered = [...disputes].sort((a, b) => (a.status === b.status ? 0 : a.status === "open" ? -1 : 1));
  return (
    <SectionCard title="Disputes" id="disputes-title">
      <ul className="space-y-3">
        {ordered.map((dispute) => (
          <li
            key={dispute.id}
            className="rounded-md border border-slate-200 p-3"
            data-testid="dispute"
            data-dispute-status={dispute.status}
          >
            <div className="flex flex-wrap items-center gap-2">
              <StatusBadge
                status={dispute.status === "open" ? "paused" : "completed"}
                label={dispute.status === "open" ? "Open" : "Resolved"}
              />
              <p className="font-medium">
                {dispute.subject.kind === "deliverable" ? "Deliverable" : "Payment"}: {dispute.subject.label}
              </p>
            </div>
            <p className="mt-1 text-sm">{dispute.reason}</p>
            <p className="mt-1 text-sm text-slate-600">
              Opened by {dispute.openedBy.name} · <LocalDate value={dispute.createdAt} />
              {dispute.status === "open" ? " · the money it concerns stays in escrow until the platform's team decides" : null}
            </p>
            {dispute.outcome ? (
              <p className="mt-1 text-sm text-slate-700" data-testid="dispute-outcome">
                {OUTCOME_TEXT[dispute.outcome]}
                {dispute.resolvedAt ? (
                  <>
                    {" "}
                    (<LocalDate value={dispute.resolvedAt} />)
                  </>
                ) : null}
                .
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </SectionCard>
  );
}
