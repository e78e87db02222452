import type { ReactNode } from "react";
import { LocalDate } from "@/components/ui/local-date";
import { labelFor } from "@/lib/humanize";

/** A deliverable's type and description, with its status badge (if any) beside them. */
export function DeliverableHeading({ type, description, children }: { type: string; description: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-2">
      <div className="min-w-0">
        <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{labelFor(type)}</p>
        <p className="font-medium text-slate-900">{description}</p>
      </div>
      {children}
    </div>
  );
}

/** What was agreed for a deliverable (due date, requirements), then what happened to it (`children`: more rows). */
export function DeliverableTerms({
  dueDate,
  requirements,
  children,
}: {
  dueDate: string;
  requirements?: string | null;
  children?: ReactNode;
}) {
  return (
    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      <dt className="text-slate-500">Due</dt>
      <dd>
        <LocalDate value={dueDate} />
      </dd>
      {requirements ? (
        <>
          <dt className="text-slate-500">Requirements</dt>
          <dd className="whitespace-pre-line text-slate-700">{requirements}</dd>
        </>
      ) : null}
      {children}
    </dl>
  );
}
