import type { ReactNode } from "react";

/**
 * One figure in a `<dl>` grid: a human label (the `<dt>`) and the value (the `<dd>`).
 * The element carrying `data-testid="stat-<name>"` holds exactly the formatted value.
 */
export function StatCard({
  name,
  label,
  value,
  unit,
  hint,
  change,
}: {
  name: string;
  label: string;
  value: string;
  unit?: string;
  hint?: ReactNode;
  /** The change against the previous period, already worded ("up 12 on the previous quarter"). */
  change?: { text: string; direction: "up" | "down" | "same" } | null;
}) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-xl font-semibold break-words text-ink sm:text-2xl">
        <span data-testid={`stat-${name}`}>{value}</span>
        {unit ? <span className="ml-1 text-sm font-normal text-slate-500">{unit}</span> : null}
      </dd>
      {change ? (
        <dd className="mt-1 text-xs text-slate-700" data-testid={`change-${name}`} data-direction={change.direction}>
          <span aria-hidden="true">{change.direction === "up" ? "▲ " : change.direction === "down" ? "▼ " : "= "}</span>
          {change.text}
        </dd>
      ) : null}
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </div>
  );
}

/** A titled card used as a labelled region (`<section aria-labelledby>`). */
export function Panel({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {action}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}
