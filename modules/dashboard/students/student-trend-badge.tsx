import { formatNumber } from "@/lib/format";

type Trend = "improving" | "stable" | "declining";

const TREND_LABELS: Record<Trend, string> = { improving: "Improving", stable: "Stable", declining: "Declining" };
const TREND_STYLES: Record<Trend, string> = {
  improving: "bg-brand-50 text-brand-700 ring-brand-500/30",
  stable: "bg-amber-50 text-amber-800 ring-amber-500/30",
  declining: "bg-red-50 text-red-700 ring-red-500/30",
};

/** A student's performance trend, with the score change in points when known. */
export function StudentTrendBadge({ trend, change }: { trend: Trend; change: number | null }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span data-testid="student-trend" className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TREND_STYLES[trend]}`}>
        {TREND_LABELS[trend]}
      </span>
      {change !== null ? (
        <span className="text-xs text-slate-500">
          {change > 0 ? "+" : change < 0 ? "−" : "±"}
          {formatNumber(Math.abs(change))} pts
        </span>
      ) : null}
    </span>
  );
}
