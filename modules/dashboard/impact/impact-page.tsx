import { Suspense } from "react";
import { ImpactCharts } from "@/modules/dashboard/impact/impact-charts";
import { ImpactFilters } from "@/modules/dashboard/impact/impact-filters";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { FilterNav } from "@/components/ui/filter-nav";
import { Panel, StatCard } from "@/components/ui/stat-card";
import type { Actor } from "@/lib/auth/actor";
import { requirePageActor } from "@/lib/auth/page-guard";
import { labelFor } from "@/lib/humanize";
import { LocalDate } from "@/components/ui/local-date";
import { getImpact, getPreviousImpact } from "@/lib/sponsorship/get-impact";
import { PERIODS, type Period } from "@/lib/sponsorship/metrics";
import { SUBJECT_NAMES } from "@/lib/sponsorship/schemas/impact";
import { listImpactFilterValues } from "@/lib/sponsorship/list-impact-filter-values";
import { changeAgainst } from "./change";
import { getStudentOutcomes } from "@/lib/sponsorship/get-student-outcomes";
import { PartnerPageHeader } from "@/components/ui/page-header";

const PERIOD_DESCRIPTIONS: Record<Period, string> = {
  quarter: "this month and the two before it",
  year: "this month and the eleven before it",
  all_time: "all time",
};

type SearchParams = Record<string, string | string[] | undefined>;

interface Filters {
  period: Period;
  grade?: number;
  subject?: string;
}

/** Reads the query string; anything unrecognised falls back to the default (year, all grades, all subjects). */
function parseFilters(params: SearchParams): Filters {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const periodParam = first("period");
  const period = (PERIODS as readonly string[]).includes(periodParam ?? "") ? (periodParam as Period) : "year";
  const gradeParam = Number(first("grade"));
  const grade = Number.isInteger(gradeParam) && gradeParam >= 1 && gradeParam <= 12 ? gradeParam : undefined;
  const subjectParam = first("subject");
  const subject = (SUBJECT_NAMES as readonly string[]).includes(subjectParam ?? "") ? subjectParam : undefined;
  return { period, grade, subject };
}

function hrefFor(filters: Filters): string {
  const params = new URLSearchParams({ period: filters.period });
  if (filters.grade !== undefined) params.set("grade", String(filters.grade));
  if (filters.subject !== undefined) params.set("subject", filters.subject);
  return `/dashboard/impact?${params.toString()}`;
}

export default async function ImpactPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const filters = parseFilters(await searchParams);
  const key = hrefFor(filters);
  const choices = await listImpactFilterValues({ actor });

  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Impact analytics">
        What your sponsorships and programs achieved over {PERIOD_DESCRIPTIONS[filters.period]}.
      </PartnerPageHeader>

      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:flex-row md:items-end md:justify-between">
        <FilterNav
          label="Period"
          options={PERIODS.map((period) => ({
            key: period,
            label: labelFor(period),
            href: hrefFor({ ...filters, period }),
            current: period === filters.period,
          }))}
        />
        <ImpactFilters
          key={key}
          period={filters.period}
          grade={filters.grade}
          subject={filters.subject}
          grades={choices.grades}
          subjects={choices.subjects}
        />
      </div>

      <Suspense key={key} fallback={<LoadingImpact />}>
        <ImpactData actor={actor} filters={filters} />
      </Suspense>
    </div>
  );
}

function LoadingImpact() {
  return (
    <div role="status" aria-live="polite" className="space-y-6">
      <span className="sr-only">Loading impact figures…</span>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4" aria-hidden="true">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="h-24 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2" aria-hidden="true">
        {Array.from({ length: 4 }, (_, index) => (
          <div key={index} className="h-80 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}

async function ImpactData({ actor, filters }: { actor: Actor; filters: Filters }) {
  const [impact, outcomes, previous] = await Promise.all([
    getImpact({ actor, period: filters.period }),
    getStudentOutcomes({ actor, period: filters.period, gradeLevel: filters.grade, subject: filters.subject }),
    getPreviousImpact({ actor, period: filters.period }),
  ]);
  const periodLabel = filters.period === "quarter" ? "quarter" : "year";
  const change = (pick: (figures: typeof impact) => number | null, format: (value: number) => string) =>
    previous ? changeAgainst(pick(impact), pick(previous), format, periodLabel) : null;
  const currency = impact.currency;
  const filtered = filters.grade !== undefined || filters.subject !== undefined;
  const noData = impact.students_reached === 0 && outcomes.total_students === 0 && outcomes.score_trend.length === 0;

  return (
    <div className="space-y-6" data-testid="impact-data" data-period={filters.period}>
      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="text-lg font-semibold">
          Headline figures
        </h2>
        <p className="text-sm text-slate-600">
          For all your sponsored students from <LocalDate value={impact.period_start} /> to <LocalDate value={impact.period_end} /> (
          <span data-testid="impact-period-bounds">
            {impact.period_start} – {impact.period_end}
          </span>
          ); the grade and subject filters apply to the charts below. Only what happened while you funded a student counts.
          {previous
            ? ` Each figure's change is against the same span ${filters.period === "quarter" ? "three" : "twelve"} months earlier.`
            : null}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-4">
          <StatCard
            name="students_reached"
            label="Students reached"
            value={formatNumber(impact.students_reached)}
            change={change((f) => f.students_reached, formatNumber)}
          />
          <StatCard
            name="total_investment"
            label="Paid in"
            value={formatMoney(impact.total_investment, currency)}
            change={change(
              (f) => f.total_investment,
              (v) => formatMoney(v, currency),
            )}
          />
          <StatCard
            name="course_completion_rate"
            label="Course completion rate"
            value={formatPercent(impact.outcomes.course_completion_rate)}
            change={change(
              (f) => f.outcomes.course_completion_rate,
              (v) => `${formatNumber(v)} points`,
            )}
          />
          <StatCard
            name="average_score_improvement"
            label="Average score improvement"
            value={formatNumber(impact.outcomes.average_score_improvement)}
            unit="points"
            change={change(
              (f) => f.outcomes.average_score_improvement,
              (v) => `${formatNumber(v)} points`,
            )}
            hint={`${formatNumber(impact.outcomes.students_measured)} students measured; ${formatNumber(impact.outcomes.students_without_baseline)} without a baseline and ${formatNumber(impact.outcomes.students_without_recent_assessments)} without recent assessments are left out`}
          />
          <StatCard
            name="courses_funded"
            label="Courses funded"
            value={formatNumber(impact.courses_funded)}
            change={change((f) => f.courses_funded, formatNumber)}
          />
          <StatCard
            name="certificates_earned"
            label="Certificates earned"
            value={formatNumber(impact.outcomes.certificates_earned)}
            change={change((f) => f.outcomes.certificates_earned, formatNumber)}
          />
          <StatCard
            name="students_advancing_grade"
            label="Students advancing a grade"
            value={formatNumber(impact.outcomes.students_advancing_grade)}
            change={change((f) => f.outcomes.students_advancing_grade, formatNumber)}
          />
          <StatCard
            name="ai_tutor_sessions"
            label="AI tutor sessions"
            value={formatNumber(impact.outcomes.ai_tutor_sessions)}
            change={change((f) => f.outcomes.ai_tutor_sessions, formatNumber)}
          />
        </dl>
      </section>

      <Panel id="money-heading" title="Money">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          <StatCard
            name="paid_in"
            label="Paid in"
            value={formatMoney(impact.money.paid_in, impact.money.currency)}
            hint="Completed payments in the period, at the rate recorded when each settled"
          />
          <StatCard
            name="disbursed_to_sponsorships"
            label="Disbursed to sponsorships"
            value={formatMoney(impact.money.disbursed_to_sponsorships, impact.money.currency)}
            hint="The part of the money paid in disbursed to sponsorships, for their monthly periods that have started"
          />
          <StatCard
            name="committed"
            label="Committed"
            value={formatMoney(impact.money.committed, impact.money.currency)}
            hint="Sponsorships (not cancelled) running during the period"
          />
        </dl>
        {impact.money.not_converted.length > 0 ? (
          <p className="mt-3 text-sm text-amber-800" data-testid="money-not-converted">
            Not in these totals, for want of a recorded exchange rate:{" "}
            {impact.money.not_converted
              .map((item) => `${formatMoney(item.amount, item.currency)} ${item.figure.replace(/_/g, " ")}`)
              .join("; ")}
            .
          </p>
        ) : null}
      </Panel>

      <Panel id="matched-heading" title="Matched comparison">
        <MatchedComparison comparison={impact.matched_comparison} />
      </Panel>

      <Panel id="roi-heading" title="Return on investment">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          <StatCard name="cost_per_student" label="Cost per student" value={formatMoney(impact.roi_metrics.cost_per_student, currency)} />
          <StatCard
            name="cost_per_course_completion"
            label="Cost per course completion"
            value={formatMoney(impact.roi_metrics.cost_per_course_completion, currency)}
          />
          <StatCard
            name="cost_per_certificate"
            label="Cost per certificate"
            value={formatMoney(impact.roi_metrics.cost_per_certificate, currency)}
          />
        </dl>
      </Panel>

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading" className="text-lg font-semibold">
          Student outcomes
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          {filtered
            ? `Filtered to ${[filters.grade !== undefined ? `grade ${filters.grade}` : null, filters.subject ?? null].filter(Boolean).join(", ")}.`
            : "All grades and subjects."}
        </p>
        {noData ? (
          <p
            role="status"
            className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
            data-testid="impact-empty"
          >
            No impact data for {PERIOD_DESCRIPTIONS[filters.period]}
            {filtered ? " with these filters" : ""}. Try a longer period{filtered ? " or clear the filters" : ""}.
          </p>
        ) : (
          <ImpactCharts outcomes={outcomes} />
        )}
      </section>
    </div>
  );
}

type Matched = Awaited<ReturnType<typeof getImpact>>["matched_comparison"];

/** The matched comparison, or why there is none; the method in a sentence beneath. */
function MatchedComparison({ comparison }: { comparison: Matched }) {
  const signed = (value: number | null) => (value === null ? "–" : `${value > 0 ? "+" : ""}${formatNumber(value)}`);
  return (
    <div className="space-y-3 text-sm" data-testid="matched-comparison">
      {comparison.available && comparison.difference !== null && comparison.ci95 ? (
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4">
          <StatCard
            name="matched_difference"
            label="Difference in improvement"
            value={signed(comparison.difference)}
            unit="points"
            hint={`95% confidence interval ${signed(comparison.ci95[0])} to ${signed(comparison.ci95[1])}`}
          />
          <StatCard
            name="matched_sponsored_change"
            label="Your students' change"
            value={signed(comparison.sponsored_change)}
            unit="points"
            hint={`${formatNumber(comparison.sponsored_students)} students`}
          />
          <StatCard
            name="matched_control_change"
            label="Matched unfunded students' change"
            value={signed(comparison.control_change)}
            unit="points"
            hint={`${formatNumber(comparison.control_students)} students`}
          />
        </dl>
      ) : (
        <p className="rounded-md bg-slate-50 p-3 text-slate-700" data-testid="matched-unavailable">
          No figure: {comparison.reason}
        </p>
      )}
      <p className="text-xs text-slate-500">
        Each of your students is matched to students no partner funds of the same grade, county and starting CBC band; both groups&apos;
        average change from {comparison.before.from} – {comparison.before.to} to {comparison.after.from} – {comparison.after.to} is
        compared, weighted by your students in each group. {formatNumber(comparison.unmatched_sponsored_students)} of your students had no
        match.
      </p>
    </div>
  );
}
