import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import type { UnfinishedProposalItem } from "@/lib/partnerships/unfinished-proposals";
import { discardUnfinishedProposalAction } from "@/modules/workspace/proposals/actions";

/** Proposals still being composed, to continue or throw away. */
export function UnfinishedList({ items, canWork }: { items: UnfinishedProposalItem[]; canWork: boolean }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="unfinished-heading" className="space-y-2">
      <h3 id="unfinished-heading" className="font-semibold text-slate-800">
        Unfinished drafts <span className="font-normal text-slate-500">({items.length})</span>
      </h3>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="unfinished-list">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="unfinished-item">
            <span className="min-w-0">
              <Link href={`/workspace/proposals/new?unfinished=${item.id}`} className="font-medium text-brand-700 hover:underline">
                {item.title ?? "Untitled proposal"}
              </Link>
              <span className="block text-xs text-slate-500">
                {item.recipient ? `To ${item.recipient} · ` : "No recipient yet · "}saved <LocalDate value={item.updatedAt} time />
              </span>
            </span>
            {canWork ? (
              <form action={discardUnfinishedProposalAction.bind(null, item.id)}>
                <button type="submit" className="text-sm text-slate-600 underline hover:text-red-700">
                  Discard
                </button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
