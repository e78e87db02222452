/**
 * Impact figures for a partner over a window (GET /partner/impact, the dashboard and the
 * reports): reach, outcomes, the comparisons and return on investment. Definitions are
 * in metrics.ts; money in money.ts.
 */
import type { z } from "zod";
import { getDb, Prisma } from "../db";
import { matchedComparison, unavailableComparison } from "./matched-comparison";
import {
  advancingSql,
  costPer,
  figuresCte,
  openAtEndTotalSql,
  partnerCellsCte,
  percent,
  round,
  SCORE_CHANGE,
  TREND_COUNTS,
  windowBounds,
  type Window,
} from "./metrics";
import { moneyFigures } from "./money";
import { unfundedFigures, unfundedSql, type UnfundedRow } from "./platform-comparison";
import type { impactResponse } from "./schemas/impact";

/** When the comparisons are skipped: nothing read. */
const NO_UNFUNDED = Prisma.sql`SELECT 0 AS platform_assessments, NULL::float8 AS platform_score_sum, 0 AS platform_completions, 0 AS platform_open`;

export type ImpactFigures = Omit<z.infer<typeof impactResponse>, "period">;

interface ImpactRow extends Omit<TrendCounts, "total" | "stable_count">, UnfundedRow {
  students_reached: number;
  measured: number;
  without_baseline: number;
  without_recent: number;
  score_improvement: number | null;
  assessments: number;
  score_sum: number | null;
  completions: number;
  open_at_end: number;
  advancing: number;
  certificates: number;
  tutor_sessions: number;
  courses_funded: number;
}

/** How the partner's students' scores moved (sponsored students' aggregate, dashboard snapshot). */
export interface TrendCounts {
  total: number;
  average_score_all: number | null;
  improving_count: number;
  stable_count: number;
  declining_count: number;
  not_measured_count: number;
}

export interface ComputeImpactOptions {
  partnerId: string;
  window: Window;
  /** False skips the platform and matched comparisons (the dashboard shows neither). */
  comparisons?: boolean;
}

/**
 * Impact over a window, and the trend counts of the same students, from one pass over
 * them. `comparisons: false` skips the platform and matched comparisons (the dashboard
 * shows neither).
 */
export async function computePortfolio(options: ComputeImpactOptions): Promise<{ impact: ImpactFigures; trends: TrendCounts }> {
  const { partnerId, window } = options;
  const comparisons = options.comparisons ?? true;
  const db = getDb();
  const [[row], money, matched] = await Promise.all([
    db.$queryRaw<ImpactRow[]>`
      WITH ${figuresCte(partnerId, window)},
      funded_courses AS (
        SELECT sc.course_id FROM sponsorship_courses sc JOIN sponsorships s ON s.id = sc.sponsorship_id
         WHERE s.partner_id = ${partnerId}::uuid AND s.activated_at IS NOT NULL AND s.status IN ('active', 'completed', 'cancelled')
           AND GREATEST(s.start_date::timestamp AT TIME ZONE 'UTC', s.activated_at) < ${window.until}::timestamptz
           AND LEAST((s.end_date + 1)::timestamp AT TIME ZONE 'UTC', COALESCE(s.ended_at, 'infinity')) > ${window.from}::timestamptz
        UNION
        SELECT pc.course_id FROM program_courses pc JOIN programs p ON p.id = pc.program_id
         WHERE p.partner_id = ${partnerId}::uuid AND p.status <> 'planning' AND p.activated_at < ${window.until}::timestamptz
           AND (p.end_date + 1)::timestamp AT TIME ZONE 'UTC' > ${window.from}::timestamptz
      ),
      ${partnerCellsCte(partnerId, window)},
      students AS (
        SELECT COUNT(*)::int AS students_reached,
               (COUNT(*) FILTER (WHERE ${SCORE_CHANGE} IS NOT NULL))::int AS measured,
               (COUNT(*) FILTER (WHERE baseline_avg IS NULL))::int AS without_baseline,
               (COUNT(*) FILTER (WHERE baseline_avg IS NOT NULL AND recent_avg IS NULL))::int AS without_recent,
               AVG(${SCORE_CHANGE})::float8 AS score_improvement,
               ${TREND_COUNTS}
          FROM figures
      ),
      totals AS (
        SELECT COALESCE(SUM(assessments), 0)::int AS assessments, SUM(score_sum)::float8 AS score_sum, COALESCE(SUM(completions), 0)::int AS completions,
               COALESCE(SUM(certificates), 0)::int AS certificates, COALESCE(SUM(tutor_sessions), 0)::int AS tutor_sessions
          FROM partner_cells
      ),
      unfunded AS (${comparisons ? unfundedSql(window) : NO_UNFUNDED})
      SELECT st.*, t.*, ${advancingSql(partnerId, window)} AS advancing,
        ${openAtEndTotalSql(partnerId, window)} AS open_at_end,
        (SELECT COUNT(*)::int FROM funded_courses) AS courses_funded,
        u.*
      FROM students st, totals t, unfunded u`,
    moneyFigures({ partnerId, window }),
    comparisons ? matchedComparison({ partnerId, window }) : null,
  ]);

  const investment = money.paid_in;
  const sponsoredAvg = row.assessments > 0 ? round(row.score_sum! / row.assessments, 1) : null;
  const completionRate = percent(row.completions, row.completions + row.open_at_end);
  const impact: ImpactFigures = {
    ...windowBounds(window),
    students_reached: row.students_reached,
    courses_funded: row.courses_funded,
    total_investment: investment,
    currency: money.currency,
    outcomes: {
      average_score_improvement: row.score_improvement === null ? 0 : round(row.score_improvement, 1),
      students_measured: row.measured,
      students_without_baseline: row.without_baseline,
      students_without_recent_assessments: row.without_recent,
      course_completion_rate: completionRate,
      students_advancing_grade: row.advancing,
      certificates_earned: row.certificates,
      ai_tutor_sessions: row.tutor_sessions,
    },
    comparison_to_platform: {
      sponsored_avg_score: sponsoredAvg,
      sponsored_completion_rate: completionRate,
      ...unfundedFigures(row),
    },
    matched_comparison: matched ?? unavailableComparison(window),
    roi_metrics: {
      cost_per_student: costPer(investment, row.students_reached),
      cost_per_course_completion: costPer(investment, row.completions),
      cost_per_certificate: costPer(investment, row.certificates),
    },
    money,
  };
  const trends: TrendCounts = {
    total: row.students_reached,
    average_score_all: row.average_score_all,
    improving_count: row.improving_count,
    stable_count: row.students_reached - row.improving_count - row.declining_count,
    declining_count: row.declining_count,
    not_measured_count: row.not_measured_count,
  };
  return { impact, trends };
}

/** Impact over a window. */
export async function computeImpact(options: ComputeImpactOptions): Promise<ImpactFigures> {
  return (await computePortfolio(options)).impact;
}
