import { humanize } from "@/lib/humanize";

/** A small coloured pill for a record's status; the tone says whether it is waiting, moving, done or failed. */
const TONES: Record<string, string> = {
  // neutral: not started or waiting on someone
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  pending: "bg-slate-100 text-slate-700 ring-slate-300",
  planning: "bg-slate-100 text-slate-700 ring-slate-300",
  // in motion
  sent: "bg-sky-50 text-sky-800 ring-sky-300",
  processing: "bg-sky-50 text-sky-800 ring-sky-300",
  in_progress: "bg-sky-50 text-sky-800 ring-sky-300",
  submitted: "bg-sky-50 text-sky-800 ring-sky-300",
  signed_creator: "bg-sky-50 text-sky-800 ring-sky-300",
  signed_brand: "bg-sky-50 text-sky-800 ring-sky-300",
  held: "bg-sky-50 text-sky-800 ring-sky-300",
  countered: "bg-amber-50 text-amber-800 ring-amber-300",
  revision_requested: "bg-amber-50 text-amber-800 ring-amber-300",
  paused: "bg-amber-50 text-amber-800 ring-amber-300",
  // good outcomes
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  active: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  approved: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  released: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  paid: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  // bad outcomes
  rejected: "bg-rose-50 text-rose-800 ring-rose-300",
  failed: "bg-rose-50 text-rose-800 ring-rose-300",
  terminated: "bg-rose-50 text-rose-800 ring-rose-300",
  cancelled: "bg-rose-50 text-rose-800 ring-rose-300",
  refunded: "bg-slate-100 text-slate-700 ring-slate-300",
  overdue: "bg-rose-50 text-rose-800 ring-rose-300",
};

const LABELS: Record<string, string> = {
  in_progress: "In progress",
  signed_creator: "Signed by creator",
  signed_brand: "Signed by brand",
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? humanize(status);
}

export function StatusBadge({ status, testId, label }: { status: string; testId?: string; label?: string }) {
  const tone = TONES[status] ?? TONES.pending;
  return (
    <span data-testid={testId} data-status={status} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tone}`}>
      {label ?? statusLabel(status)}
    </span>
  );
}
