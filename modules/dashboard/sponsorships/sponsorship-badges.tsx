/** Labels and badges for sponsorship status and type, and student performance trends. */
export type SponsorshipStatus = "active" | "pending" | "completed" | "cancelled";
export type SponsorshipType = "full_scholarship" | "course_specific" | "partial" | "program";

export const STATUS_LABELS: Record<SponsorshipStatus, string> = {
  active: "Active",
  pending: "Pending",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const TYPE_LABELS: Record<SponsorshipType, string> = {
  full_scholarship: "Full scholarship",
  course_specific: "Course specific",
  partial: "Partial",
  program: "Program",
};

const STATUS_STYLES: Record<SponsorshipStatus, string> = {
  active: "bg-brand-50 text-brand-700 ring-brand-500/30",
  pending: "bg-amber-50 text-amber-800 ring-amber-500/30",
  completed: "bg-sky-50 text-sky-800 ring-sky-500/30",
  cancelled: "bg-slate-100 text-slate-700 ring-slate-400/30",
};

export function SponsorshipStatusBadge({ status }: { status: SponsorshipStatus }) {
  return (
    <span
      data-testid="sponsorship-status"
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status]}`}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}
