/**
 * The partner dashboard's metrics, each defined once. Every endpoint that reports one
 * of these quantities computes it here, in SQL, so two endpoints always agree.
 *
 * Definitions (also published in the OpenAPI description):
 * - Sponsored students: the distinct students with an active or completed sponsorship
 *   from the partner, plus the participants of the partner's programs that have left
 *   `planning`. A student's sponsorship began at the earliest of those start dates.
 * - Periods: `quarter` is the three months up to now, `year` the twelve months up to
 *   now, `all_time` everything up to now.
 * - Average score: the mean of a student's assessment scores (0–100) in the period.
 * - Score improvement: a student's recent average (assessments in the 90 days up to
 *   their latest assessment) minus their average when the sponsorship began
 *   (assessments from 60 days before to 30 days after it began), in points.
 * - Trend: improving when the improvement is at least +5 points, declining when it is
 *   at most −5, otherwise stable (also when there is no baseline to compare with).
 * - Performance bands, on the period average: excellent ≥ 85, good ≥ 70,
 *   needs improvement ≥ 50, at risk below 50.
 * - Completion rate: of the course enrolments open at some point in the period
 *   (enrolled before its end, not completed before its start), the percentage
 *   completed within it.
 * - Students advancing a grade: students promoted to the next grade in the period.
 * - Platform comparison: the same averages over every student who is not one of the
 *   partner's sponsored students.
 * - Investment: completed payments in the period. Cost per student, per course
 *   completion and per certificate divide it by students reached, enrolments completed
 *   in the period and certificates earned in the period (0 when the divisor is 0).
 */
import { Prisma } from "../db";
import type { Period } from "./periods";

export { PERIODS, type Period } from "./periods";

export const IMPROVEMENT_THRESHOLD = 5;
export const BASELINE_DAYS_BEFORE = 60;
export const BASELINE_DAYS_AFTER = 30;
export const RECENT_DAYS = 90;
export const BANDS = { excellent: 85, good: 70, needs_improvement: 50 } as const;

export interface DateRange {
  from: Date;
  to: Date;
}

export function periodRange(period: Period, now = new Date()): DateRange {
  const from = new Date(now);
  if (period === "quarter") from.setUTCMonth(from.getUTCMonth() - 3);
  else if (period === "year") from.setUTCFullYear(from.getUTCFullYear() - 1);
  else return { from: new Date(0), to: now };
  return { from, to: now };
}

export type Trend = "improving" | "stable" | "declining";

export function trendFor(scoreChange: number | null): Trend {
  if (scoreChange === null) return "stable";
  if (scoreChange >= IMPROVEMENT_THRESHOLD) return "improving";
  if (scoreChange <= -IMPROVEMENT_THRESHOLD) return "declining";
  return "stable";
}

export type Band = "excellent" | "good" | "needs_improvement" | "at_risk";

export function bandFor(averageScore: number): Band {
  if (averageScore >= BANDS.excellent) return "excellent";
  if (averageScore >= BANDS.good) return "good";
  if (averageScore >= BANDS.needs_improvement) return "needs_improvement";
  return "at_risk";
}

/** Rounds half away from zero to `digits` decimals. */
export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.sign(value) * Math.round(Math.abs(value) * factor) / factor;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100) : 0;
}

/** Integer division of money for "cost per ..." figures; 0 when nothing to divide by. */
export function costPer(amount: number, count: number): number {
  return count > 0 ? Math.round(amount / count) : 0;
}

/**
 * `sponsored(student_id, since)`: the partner's sponsored students in `range` — with an
 * active or completed sponsorship overlapping it, or taking part in one of its programs
 * (not in planning) by the end of it.
 */
export function sponsoredStudentsCte(partnerId: string, range: DateRange): Prisma.Sql {
  return Prisma.sql`sponsored AS (
    SELECT student_id, MIN(since) AS since FROM (
      SELECT s.student_id, s.start_date::timestamptz AS since
        FROM sponsorships s
       WHERE s.partner_id = ${partnerId}::uuid AND s.status IN ('active', 'completed')
         AND s.start_date <= ${range.to}::timestamptz AND s.end_date >= ${range.from}::timestamptz
      UNION ALL
      SELECT pp.student_id, pp.enrolled_at AS since
        FROM program_participants pp JOIN programs p ON p.id = pp.program_id
       WHERE p.partner_id = ${partnerId}::uuid AND p.status <> 'planning' AND pp.enrolled_at <= ${range.to}::timestamptz
    ) AS starts
    GROUP BY student_id
  )`;
}

/**
 * `improvement(student_id, baseline_avg, recent_avg, score_change, trend)` for the
 * sponsored students; needs the `sponsored` CTE before it.
 */
export const improvementCte = Prisma.sql`latest AS (
    SELECT sp.student_id, sp.since, MAX(a.taken_at) AS latest_at
      FROM sponsored sp JOIN assessments a ON a.student_id = sp.student_id
     GROUP BY sp.student_id, sp.since
  ),
  improvement AS (
    SELECT l.student_id,
           AVG(a.score) FILTER (WHERE a.taken_at >= l.since - make_interval(days => ${BASELINE_DAYS_BEFORE})
                                  AND a.taken_at <  l.since + make_interval(days => ${BASELINE_DAYS_AFTER})) AS baseline_avg,
           AVG(a.score) FILTER (WHERE a.taken_at > l.latest_at - make_interval(days => ${RECENT_DAYS})) AS recent_avg
      FROM latest l JOIN assessments a ON a.student_id = l.student_id
     GROUP BY l.student_id
  ),
  trend AS (
    SELECT sp.student_id,
           ROUND(i.recent_avg - i.baseline_avg, 1) AS score_change,
           CASE WHEN i.recent_avg - i.baseline_avg >= ${IMPROVEMENT_THRESHOLD} THEN 'improving'
                WHEN i.recent_avg - i.baseline_avg <= ${-IMPROVEMENT_THRESHOLD} THEN 'declining'
                ELSE 'stable' END AS trend
      FROM sponsored sp LEFT JOIN improvement i ON i.student_id = sp.student_id
  )`;

/** SQL CASE giving the band of an average score expression. */
export function bandSql(score: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${score} >= ${BANDS.excellent} THEN 'excellent'
                         WHEN ${score} >= ${BANDS.good} THEN 'good'
                         WHEN ${score} >= ${BANDS.needs_improvement} THEN 'needs_improvement'
                         ELSE 'at_risk' END`;
}
