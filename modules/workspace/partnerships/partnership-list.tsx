import Link from "next/link";
import type { PartnershipListItem } from "@/lib/partnerships/schemas/partnerships";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { PartnershipStatusBadge } from "@/modules/workspace/partnerships/partnership-status-badge";
import { formatMoney } from "@/lib/format";

/** The actor's partnerships: the other party, status, compensation and deliverable progress. */
export function PartnershipList({ partnerships, viewerId }: { partnerships: PartnershipListItem[]; viewerId: string }) {
  if (partnerships.length === 0) {
    return <EmptyState title="No partnerships yet">A partnership starts when a proposal is accepted.</EmptyState>;
  }
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Partnerships">
      {partnerships.map((p) => {
        const other = p.creatorId === viewerId ? p.brandName : p.creatorName;
        const done = p.deliverablesCompleted;
        const total = p.deliverablesCount;
        return (
          <li key={p.id} data-testid="partnership-row" className="flex flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <div className="min-w-0 flex-1">
              <Link href={`/workspace/partnerships/${p.id}`} className="font-medium text-brand-700 hover:underline">
                {other}
              </Link>
              <p className="truncate text-sm text-slate-600">
                {p.campaignName ?? "No campaign"} · <LocalDate value={p.startDate} /> – <LocalDate value={p.endDate} />
              </p>
            </div>
            <div className="text-sm text-slate-800">{formatMoney(p.compensation.amount, p.compensation.currency)}</div>
            <div className="w-40 text-sm text-slate-700">
              <span>
                {done}/{total} deliverables approved
              </span>
              <div className="mt-1 h-1.5 rounded-full bg-slate-200" aria-hidden="true">
                <div className="h-1.5 rounded-full bg-emerald-500" style={{ width: `${total ? Math.round((done / total) * 100) : 0}%` }} />
              </div>
            </div>
            <PartnershipStatusBadge status={p.status} contractStatus={p.contractStatus} />
          </li>
        );
      })}
    </ul>
  );
}
