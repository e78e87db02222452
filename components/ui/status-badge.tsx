import { labelFor } from "@/lib/humanize";

/** What a status says about the record: waiting, moving, needing attention, done well, or gone wrong. */
export type Tone = "neutral" | "info" | "warning" | "success" | "brand" | "danger";

const TONE_CLASSES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  info: "bg-sky-50 text-sky-800 ring-sky-300",
  warning: "bg-amber-50 text-amber-800 ring-amber-300",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  brand: "bg-brand-50 text-brand-700 ring-brand-500/30",
  danger: "bg-rose-50 text-rose-800 ring-rose-300",
};

/** The usual tone of each status; a page passes another tone where its statuses read differently. */
const STATUS_TONES: Record<string, Tone> = {
  // not started or waiting on someone
  draft: "neutral",
  pending: "neutral",
  planning: "neutral",
  refunded: "neutral",
  stable: "warning",
  // in motion
  sent: "info",
  processing: "info",
  in_progress: "info",
  submitted: "info",
  signed_creator: "info",
  signed_brand: "info",
  held: "info",
  countered: "warning",
  revision_requested: "warning",
  changes_requested: "warning",
  paused: "warning",
  // good outcomes
  accepted: "success",
  active: "success",
  approved: "success",
  completed: "success",
  released: "success",
  paid: "success",
  improving: "brand",
  // bad outcomes
  rejected: "danger",
  failed: "danger",
  terminated: "danger",
  cancelled: "danger",
  overdue: "danger",
  declining: "danger",
};

/** A small coloured pill for a record's status, named as everywhere else (`labelFor`) unless `label` says otherwise. */
export function StatusBadge({ status, tone, testId, label }: { status: string; tone?: Tone; testId?: string; label?: string }) {
  return (
    <span
      data-testid={testId}
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONE_CLASSES[tone ?? STATUS_TONES[status] ?? "neutral"]}`}
    >
      {label ?? labelFor(status)}
    </span>
  );
}
