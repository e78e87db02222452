import { StatusBadge } from "@/components/ui/status-badge";
import { formatNumber } from "@/lib/format";

/** A student's performance trend, with the score change in points when known. */
export function StudentTrendBadge({ trend, change }: { trend: "improving" | "stable" | "declining"; change: number | null }) {
  return (
    <span className="inline-flex items-center gap-2">
      <StatusBadge status={trend} testId="student-trend" />
      {change !== null ? (
        <span className="text-xs text-slate-500">
          {change > 0 ? "+" : change < 0 ? "−" : "±"}
          {formatNumber(Math.abs(change))} pts
        </span>
      ) : null}
    </span>
  );
}
