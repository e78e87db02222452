import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { LocalDate } from "@/components/ui/local-date";
import { SectionCard } from "@/components/ui/section-card";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listDueDates, type DueItem } from "@/lib/partnerships/list-due-dates";
import { liveStamp } from "@/lib/live/live-stamp";
import { LiveRefresh } from "@/modules/live/live-refresh";

const KIND_LABELS: Record<DueItem["kind"], string> = {
  deliverable: "Deliverable",
  review: "Review",
  payment: "Payment",
  partnership_end: "End",
};

function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(year, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

function monthName(month: string): string {
  return new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-01T00:00:00Z`));
}

function DueList({ items, label }: { items: DueItem[]; label: string }) {
  return (
    <ol className="divide-y divide-slate-100" aria-label={label}>
      {items.map((item, i) => (
        <li
          key={`${item.partnershipId}-${item.kind}-${item.at}-${i}`}
          className="flex flex-wrap items-start gap-x-3 gap-y-1 py-2"
          data-testid="due-item"
          data-kind={item.kind}
        >
          <span className="w-28 shrink-0 text-sm text-slate-600">
            <LocalDate value={item.at} />
          </span>
          <span className="min-w-0 flex-1">
            <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{KIND_LABELS[item.kind]}</span>
            <Link href={`/workspace/partnerships/${item.partnershipId}`} className="text-brand-700 hover:underline">
              {item.title}
            </Link>
            <span className="block text-xs text-slate-500">
              with {item.counterpart} · {item.yours ? "yours to do" : "waiting on them"}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Due dates across the signed-in party's active partnerships, a month at a time, with anything overdue first. */
export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const actor = await requirePageActor(["creator", "brand"]);
  const { month: asked } = await searchParams;
  const [{ month, items, overdue }, stamp] = await Promise.all([
    listDueDates({ actor, month: asked }),
    liveStamp({ actor, subject: { kind: "workspace" } }),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/workspace" className="text-sm text-brand-700 hover:underline">
          ← Workspace
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Calendar</h1>
        <p className="mt-1 text-slate-600">
          What falls due across your active partnerships: deliverables, reviews, payments to fund and end dates.
        </p>
        <LiveRefresh subject={{ kind: "workspace" }} initial={stamp} />
      </div>
      {overdue.length > 0 ? (
        <SectionCard title={`Overdue (${overdue.length})`} id="overdue-heading">
          <DueList items={overdue} label="Overdue" />
        </SectionCard>
      ) : null}
      <SectionCard title={monthName(month)} id="month-heading">
        <nav className="mb-3 flex flex-wrap justify-between gap-2 text-sm" aria-label="Months">
          <Link href={`/workspace/calendar?month=${shiftMonth(month, -1)}`} className="text-brand-700 hover:underline">
            ← {monthName(shiftMonth(month, -1))}
          </Link>
          <Link href={`/workspace/calendar?month=${shiftMonth(month, 1)}`} className="text-brand-700 hover:underline">
            {monthName(shiftMonth(month, 1))} →
          </Link>
        </nav>
        {items.length === 0 ? (
          <EmptyState title="Nothing falls due this month" />
        ) : (
          <DueList items={items} label={`Due in ${monthName(month)}`} />
        )}
      </SectionCard>
    </div>
  );
}
