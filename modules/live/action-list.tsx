import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import type { ActionItem } from "@/lib/events/list-action-items";

/** "Needs your action": what the organisation is asked to answer, each leading to where it is answered. */
export function ActionList({ items }: { items: ActionItem[] }) {
  return (
    <section aria-labelledby="actions-heading" className="rounded-lg border border-amber-200 bg-amber-50/60 p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="actions-heading" className="text-lg font-semibold">
          Needs your action
        </h2>
        <span className="text-sm text-slate-600" data-testid="action-count">
          {items.length === 0 ? "Nothing waiting" : `${items.length} waiting`}
        </span>
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">
          Nothing is waiting for your answer. Proposals to answer, contracts to sign, work to review and payments to retry appear here as
          they arrive.
        </p>
      ) : (
        <ul className="mt-3 divide-y divide-amber-200" data-testid="action-list">
          {items.map((item) => (
            <li key={item.eventId} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="action-item">
              <div className="min-w-0">
                <p className="text-sm break-words text-slate-900">{item.summary}</p>
                <p className="text-xs text-slate-600">
                  <LocalDate value={item.createdAt} time />
                </p>
              </div>
              <Link
                href={item.link}
                className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-600"
              >
                {item.action}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
