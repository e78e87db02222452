import Link from "next/link";
import type { ProposalListItem } from "@/lib/partnerships/schemas/proposals";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/format";
import { proposalStatusLabel } from "./proposal-status-label";

/** Proposals in one direction: received (shows the sender) or sent (shows the recipient). */
export function ProposalList({
  proposals,
  direction,
  emptyTitle,
  emptyText,
}: {
  proposals: ProposalListItem[];
  direction: "received" | "sent";
  emptyTitle: string;
  emptyText?: string;
}) {
  if (proposals.length === 0) return <EmptyState title={emptyTitle}>{emptyText}</EmptyState>;
  return (
    <ul
      className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white"
      aria-label={direction === "received" ? "Received proposals" : "Sent proposals"}
    >
      {proposals.map((p) => (
        <li key={p.id} data-testid="proposal-row" className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
          <div className="min-w-0 flex-1">
            <Link href={`/workspace/proposals/${p.id}`} className="font-medium text-brand-700 hover:underline">
              {direction === "received" ? `From ${p.senderName}` : `To ${p.recipientName}`}
            </Link>
            <p className="truncate text-sm text-slate-600">
              {p.campaignName ?? "No campaign"} · <LocalDate value={p.createdAt} />
            </p>
          </div>
          <div className="text-sm text-slate-800">{formatMoney(p.compensation.amount, p.compensation.currency)}</div>
          <StatusBadge status={p.status} label={proposalStatusLabel(p.status, direction === "received" ? "recipient" : "sender")} />
        </li>
      ))}
    </ul>
  );
}
