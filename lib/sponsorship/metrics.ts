/**
 * The partner dashboard's metrics, each defined once (and published in the OpenAPI
 * description). Figures are read from the learning summaries that database triggers
 * keep (the learning_summaries migration), so they cost time in proportion to the
 * partner's students, not to the platform's records.
 *
 * - Attribution: an outcome (assessment, course enrolment or completion, certificate,
 *   grade promotion, tutor session) counts for a partner only if it happened while the
 *   partner funded the student and inside the period. A sponsorship funds its student
 *   from the later of its start date and its payment (activation) to its end date (or
 *   its early end); a program funds a participant from the later of the enrolment and
 *   the program's funding to the program's end date.
 * - Periods are calendar months (UTC): `quarter` is this month and the two before it,
 *   `year` this month and the eleven before it, `all_time` from the month the partner's
 *   funding began; each ends now. Reports cover exactly the days asked for.
 * - Students reached: students the partner funded at some moment of the period.
 * - Average score: the mean of credited assessment scores (0–100).
 * - Score improvement: a student's recent average (credited assessments in the last
 *   three months of the period) minus their baseline (their assessments in the 90 days
 *   before the partner's funding began), in points. The two never overlap. Students
 *   without a baseline, or without recent assessments, are left out of the average and
 *   counted apart.
 * - Trend: improving at +5 points or more, declining at −5 or less, otherwise stable;
 *   `no_baseline` when there is nothing to compare with.
 * - Completion rate: of the course enrolments the funding covered in the period (those
 *   completed in it while funded, and those still open at its end of students funded
 *   then), the percentage completed.
 * - Performance bands on a student's period average: excellent ≥ 85, good ≥ 70, needs
 *   improvement ≥ 50, at risk below; and the Kenyan CBC bands: exceeding expectations
 *   (EE) ≥ 80, meeting (ME) ≥ 65, approaching (AE) ≥ 50, below (BE) under 50.
 * - Platform comparison: the same averages over outcomes that no partner funded.
 */
import { Prisma } from "../db";
import type { Period } from "./periods";

export { PERIODS, type Period } from "./periods";

export const IMPROVEMENT_THRESHOLD = 5;
export const BASELINE_DAYS = 90;
export const RECENT_MONTHS = 3;
export const BANDS = { excellent: 85, good: 70, needs_improvement: 50 } as const;
export const CBC_BANDS = { EE: 80, ME: 65, AE: 50 } as const;

const DAY_MS = 86_400_000;

/** A span of time figures are computed over: [from, until), and the calendar months it touches. */
export interface Window {
  from: Date;
  until: Date;
  /** First days (UTC) of the first and last months the window touches. */
  firstMonth: Date;
  lastMonth: Date;
  /** The named period the window is (ending now), if it is one. */
  period?: Period;
}

export const monthStart = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
export const addMonths = (month: Date, n: number) => new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + n, 1));
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function windowOf(from: Date, until: Date): Window {
  return { from, until, firstMonth: monthStart(from), lastMonth: monthStart(new Date(until.getTime() - 1)) };
}

/** The window of a named period ending now; `all_time` begins with the month the partner's funding began. */
export function periodWindow(period: Period, now: Date, fundedSince: Date | null): Window {
  const current = monthStart(now);
  const from = period === "quarter" ? addMonths(current, -2) : period === "year" ? addMonths(current, -11) : monthStart(fundedSince ?? now);
  return { ...windowOf(from, now), period };
}

/** The window ends now: nothing later than it exists yet. */
export const runsToNow = (window: Window) => window.until.getTime() >= Date.now() - 1000;

/** A report's window: whole UTC days from `start` to `end`, both included (never past now). */
export function daysWindow(start: Date, end: Date, now: Date): Window {
  const until = new Date(Math.min(end.getTime() + DAY_MS, now.getTime()));
  return windowOf(start, until);
}

/** `period_start` and `period_end` as the API shows them: the first and last day covered. */
export function windowBounds(window: Window): { period_start: string; period_end: string } {
  return { period_start: isoDay(window.from), period_end: isoDay(new Date(window.until.getTime() - 1)) };
}

/**
 * The months of the window the summaries cover whole, and the pieces at either end
 * that only part of a month covers (read from the records themselves).
 */
export function splitWindow(window: Window): { whole: { first: Date; last: Date } | null; parts: Array<{ from: Date; until: Date }> } {
  const parts: Array<{ from: Date; until: Date }> = [];
  let first = window.firstMonth;
  let last = window.lastMonth;
  if (window.from.getTime() !== first.getTime()) {
    parts.push({ from: window.from, until: new Date(Math.min(addMonths(first, 1).getTime(), window.until.getTime())) });
    first = addMonths(first, 1);
  }
  // The last month is whole when the window runs to its end, or to now (nothing later exists yet).
  const lastEnd = addMonths(window.lastMonth, 1);
  if (last >= first && window.until.getTime() !== lastEnd.getTime() && !runsToNow(window)) {
    parts.push({ from: last, until: window.until });
    last = addMonths(last, -1);
  }
  return { whole: last >= first ? { first, last } : null, parts };
}

const dateSql = (date: Date) => Prisma.sql`${isoDay(date)}::date`;

/**
 * `cells(student_id, month, assessments, score_sum, enrolments, completions, certificates,
 * promotions, tutor_sessions, last_active_at)`: the partner's credited outcomes in the
 * window, per student and month.
 */
export function cellsCte(partnerId: string, window: Window, name = "cells"): Prisma.Sql {
  const { whole, parts } = splitWindow(window);
  const sources: Prisma.Sql[] = [];
  if (whole) {
    sources.push(Prisma.sql`
      SELECT student_id, month, assessments, score_sum, enrolments, completions, certificates, promotions, tutor_sessions, last_active_at
        FROM credited_student_months
       WHERE partner_id = ${partnerId}::uuid AND month >= ${dateSql(whole.first)} AND month <= ${dateSql(whole.last)}`);
  }
  for (const part of parts) {
    sources.push(Prisma.sql`
      SELECT student_id, month, SUM(assessments)::int, SUM(score_sum), SUM(enrolments)::int, SUM(completions)::int,
             SUM(certificates)::int, SUM(promotions)::int, SUM(tutor_sessions)::int, MAX(last_active_at)
        FROM credited_cells(${partnerId}::uuid, ${part.from}::timestamptz, ${part.until}::timestamptz) GROUP BY student_id, month`);
  }
  if (sources.length === 0) {
    sources.push(Prisma.sql`SELECT NULL::uuid, NULL::date, 0, 0::float8, 0, 0, 0, 0, 0, NULL::timestamptz WHERE FALSE`);
  }
  return Prisma.sql`${Prisma.raw(name)} (student_id, month, assessments, score_sum, enrolments, completions, certificates, promotions, tutor_sessions, last_active_at) AS (
    ${Prisma.join(sources, " UNION ALL ")}
  )`;
}

/** `subject_cells(student_id, month, subject, assessments, score_sum, enrolments, completions)`, per subject. */
export function subjectCellsCte(partnerId: string, window: Window): Prisma.Sql {
  const { whole, parts } = splitWindow(window);
  const sources: Prisma.Sql[] = [];
  if (whole) {
    sources.push(Prisma.sql`
      SELECT student_id, month, subject, assessments, score_sum, enrolments, completions
        FROM credited_subject_months
       WHERE partner_id = ${partnerId}::uuid AND month >= ${dateSql(whole.first)} AND month <= ${dateSql(whole.last)}`);
  }
  for (const part of parts) {
    sources.push(Prisma.sql`
      SELECT student_id, month, subject, assessments, score_sum, enrolments, completions
        FROM credited_cells(${partnerId}::uuid, ${part.from}::timestamptz, ${part.until}::timestamptz) WHERE subject <> ''`);
  }
  if (sources.length === 0) sources.push(Prisma.sql`SELECT NULL::uuid, NULL::date, NULL::text, 0, 0::float8, 0, 0 WHERE FALSE`);
  return Prisma.sql`subject_cells (student_id, month, subject, assessments, score_sum, enrolments, completions) AS (
    ${Prisma.join(sources, " UNION ALL ")}
  )`;
}

/**
 * `partner_cells(month, assessments, score_sum, completions, certificates, tutor_sessions)`:
 * the partner's credited outcomes in the window, per month, for the whole portfolio.
 */
export function partnerCellsCte(partnerId: string, window: Window): Prisma.Sql {
  const { whole, parts } = splitWindow(window);
  const sources: Prisma.Sql[] = [Prisma.sql`SELECT NULL::date, 0, 0::float8, 0, 0, 0 WHERE FALSE`];
  if (whole) {
    sources.push(Prisma.sql`SELECT month, assessments, score_sum, completions, certificates, tutor_sessions FROM partner_months
       WHERE partner_id = ${partnerId}::uuid AND month >= ${dateSql(whole.first)} AND month <= ${dateSql(whole.last)}`);
  }
  for (const part of parts) {
    sources.push(Prisma.sql`SELECT month, SUM(assessments)::int, SUM(score_sum), SUM(completions)::int, SUM(certificates)::int, SUM(tutor_sessions)::int
        FROM credited_cells(${partnerId}::uuid, ${part.from}::timestamptz, ${part.until}::timestamptz) GROUP BY month`);
  }
  return Prisma.sql`partner_cells (month, assessments, score_sum, completions, certificates, tutor_sessions) AS (${Prisma.join(sources, " UNION ALL ")})`;
}

/** SQL for how many of the partner's students were promoted a grade in the window (credited promotions). */
export function advancingSql(partnerId: string, window: Window): Prisma.Sql {
  const { whole, parts } = splitWindow(window);
  const sources: Prisma.Sql[] = [Prisma.sql`SELECT NULL::uuid WHERE FALSE`];
  if (whole) {
    sources.push(Prisma.sql`SELECT student_id FROM credited_student_months
       WHERE partner_id = ${partnerId}::uuid AND promotions > 0 AND month >= ${dateSql(whole.first)} AND month <= ${dateSql(whole.last)}`);
  }
  for (const part of parts) {
    sources.push(
      Prisma.sql`SELECT student_id FROM credited_cells(${partnerId}::uuid, ${part.from}::timestamptz, ${part.until}::timestamptz) WHERE promotions > 0`,
    );
  }
  return Prisma.sql`(SELECT COUNT(DISTINCT student_id)::int FROM (${Prisma.join(sources, " UNION ALL ")}) promoted (student_id))`;
}

/** `partner_subject_cells(month, subject, assessments, score_sum, completions)`: the same per subject, with completions. */
export function partnerSubjectCellsCte(partnerId: string, window: Window): Prisma.Sql {
  const { whole, parts } = splitWindow(window);
  const sources: Prisma.Sql[] = [Prisma.sql`SELECT NULL::date, NULL::text, 0, 0::float8, 0 WHERE FALSE`];
  if (whole) {
    sources.push(Prisma.sql`SELECT month, subject, assessments, score_sum, completions FROM partner_subject_months
       WHERE partner_id = ${partnerId}::uuid AND month >= ${dateSql(whole.first)} AND month <= ${dateSql(whole.last)}`);
  }
  for (const part of parts) {
    sources.push(Prisma.sql`SELECT month, subject, SUM(assessments)::int, SUM(score_sum), SUM(completions)::int
        FROM credited_cells(${partnerId}::uuid, ${part.from}::timestamptz, ${part.until}::timestamptz) WHERE subject <> '' GROUP BY month, subject`);
  }
  return Prisma.sql`partner_subject_cells (month, subject, assessments, score_sum, completions) AS (${Prisma.join(sources, " UNION ALL ")})`;
}

/**
 * `figures(student_id, assessments, score_sum, baseline_avg, recent_avg, first_name,
 * last_name, grade_level, county_id, school_id, completions, tutor_sessions,
 * last_active)`: one row per student the partner funded in the window, with their
 * credited assessments in it, their baseline (from before funding began), their recent
 * average (the window's last three months) and who they are.
 *
 * Named periods ending now read summaries: `all_time` the per-student totals in
 * partner_students, `quarter` and `year` the windows in partner_student_windows (there
 * `completions`, `tutor_sessions` and `last_active` are null: portfolio totals come from
 * partner_cells). Other windows sum the monthly cells.
 */
export function figuresCte(partnerId: string, window: Window): Prisma.Sql {
  const recentFrom = addMonths(window.lastMonth, -(RECENT_MONTHS - 1));
  const student = Prisma.sql`ps.baseline_sum / NULLIF(ps.baseline_assessments, 0) AS baseline_avg,
    ps.first_name, ps.last_name, ps.grade_level, ps.county_id, ps.school_id`;
  const current = Prisma.sql`LEFT JOIN partner_student_windows w
    ON w.partner_id = ${partnerId}::uuid AND w.end_month = ${dateSql(window.lastMonth)} AND w.student_id = ps.student_id`;
  const recent = Prisma.sql`w.quarter_score_sum / NULLIF(w.quarter_assessments, 0) AS recent_avg`;
  if (window.period === "all_time" && runsToNow(window)) {
    return Prisma.sql`figures AS MATERIALIZED (
      SELECT ps.student_id, ps.assessments, ps.score_sum, ${recent}, ${student},
             ps.completions, ps.tutor_sessions, ps.last_active_at AS last_active
        FROM partner_students ps ${current}
       WHERE ps.partner_id = ${partnerId}::uuid AND ps.funded_from < ${window.until}::timestamptz
    )`;
  }
  if (window.period && runsToNow(window)) {
    const span = window.period === "quarter" ? "quarter" : "year";
    return Prisma.sql`figures AS MATERIALIZED (
      SELECT ps.student_id, COALESCE(w.${Prisma.raw(span)}_assessments, 0) AS assessments, COALESCE(w.${Prisma.raw(span)}_score_sum, 0) AS score_sum,
             ${recent}, ${student}, NULL::int AS completions, NULL::int AS tutor_sessions, NULL::timestamptz AS last_active
        FROM ${reachedFrom(partnerId, window, current)}
    )`;
  }
  return Prisma.sql`${cellsCte(partnerId, window)},
    cell_totals AS (
      SELECT student_id, SUM(assessments)::int AS assessments, SUM(score_sum) AS score_sum, SUM(completions)::int AS completions,
             SUM(tutor_sessions)::int AS tutor_sessions, MAX(last_active_at) AS last_active,
             SUM(score_sum) FILTER (WHERE month >= ${dateSql(recentFrom)}) / NULLIF(SUM(assessments) FILTER (WHERE month >= ${dateSql(recentFrom)}), 0) AS recent_avg
        FROM cells GROUP BY student_id
    ),
    figures AS MATERIALIZED (
      SELECT ps.student_id, COALESCE(t.assessments, 0) AS assessments, COALESCE(t.score_sum, 0) AS score_sum, t.recent_avg, ${student},
             COALESCE(t.completions, 0) AS completions, COALESCE(t.tutor_sessions, 0) AS tutor_sessions, t.last_active
        FROM ${reachedFrom(partnerId, window, Prisma.sql`LEFT JOIN cell_totals t ON t.student_id = ps.student_id`)}
    )`;
}

/** `partner_students ps <joins> WHERE <funded in the window>`. */
function reachedFrom(partnerId: string, window: Window, joins: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`partner_students ps ${joins}
    WHERE ps.partner_id = ${partnerId}::uuid AND ps.funding && tstzrange(${window.from}::timestamptz, ${window.until}::timestamptz)`;
}

/** A student's score change in `figures`: recent average minus baseline, null without either. */
export const SCORE_CHANGE = Prisma.sql`(recent_avg - baseline_avg)`;
/** A student's average credited score in `figures`, rounded as the API shows it. */
export const STUDENT_AVERAGE = Prisma.sql`ROUND((score_sum / NULLIF(assessments, 0))::numeric, 1)`;

/** SQL aggregates over `figures`: how many improve, decline and could not be measured, and the mean student average. */
export const TREND_COUNTS = Prisma.sql`
  (COUNT(*) FILTER (WHERE ${SCORE_CHANGE} >= ${IMPROVEMENT_THRESHOLD}))::int AS improving_count,
  (COUNT(*) FILTER (WHERE ${SCORE_CHANGE} <= ${-IMPROVEMENT_THRESHOLD}))::int AS declining_count,
  (COUNT(*) FILTER (WHERE ${SCORE_CHANGE} IS NULL))::int AS not_measured_count,
  ROUND(AVG(${STUDENT_AVERAGE}), 1)::float8 AS average_score_all`;

/**
 * `open_at_end(subject, open)`: course enrolments still open at the window's end, of the
 * students the partner funded at that moment (the other half of the completion rate).
 * For a window ending now these are the enrolments open now, kept per partner and
 * student; for an earlier end, the records say which were open then.
 */
export function openAtEndCte(partnerId: string, window: Window, options: { gradeLevel?: number } = {}): Prisma.Sql {
  const end = new Date(window.until.getTime() - 1);
  const funded = Prisma.sql`ps.partner_id = ${partnerId}::uuid AND ps.funding @> ${end}::timestamptz
    ${options.gradeLevel === undefined ? Prisma.empty : Prisma.sql`AND ps.grade_level = ${options.gradeLevel}`}`;
  if (runsToNow(window)) {
    return Prisma.sql`open_at_end AS (
      SELECT o.subject, SUM(o.open)::int AS open
        FROM partner_students ps JOIN partner_open_enrolments o ON o.partner_id = ps.partner_id AND o.student_id = ps.student_id
       WHERE ${funded}
       GROUP BY 1
    )`;
  }
  return Prisma.sql`open_at_end AS (
    SELECT c.subject::text AS subject, COUNT(*)::int AS open
      FROM partner_students ps
      JOIN enrollments e ON e.student_id = ps.student_id
      JOIN courses c ON c.id = e.course_id
     WHERE ${funded} AND e.enrolled_at <= ${end}::timestamptz AND (e.completed_at IS NULL OR e.completed_at > ${end}::timestamptz)
     GROUP BY 1
  )`;
}

/** SQL for the total of open_at_end, without the subjects. */
export function openAtEndTotalSql(partnerId: string, window: Window): Prisma.Sql {
  const end = new Date(window.until.getTime() - 1);
  if (runsToNow(window)) {
    return Prisma.sql`(SELECT COALESCE(SUM(open_enrolments), 0)::int FROM partner_students WHERE partner_id = ${partnerId}::uuid AND funding @> ${end}::timestamptz)`;
  }
  return Prisma.sql`(SELECT COUNT(*)::int FROM partner_students ps JOIN enrollments e ON e.student_id = ps.student_id
     WHERE ps.partner_id = ${partnerId}::uuid AND ps.funding @> ${end}::timestamptz
       AND e.enrolled_at <= ${end}::timestamptz AND (e.completed_at IS NULL OR e.completed_at > ${end}::timestamptz))`;
}

export type Trend = "improving" | "stable" | "declining";

export function trendFor(scoreChange: number | null): Trend {
  if (scoreChange === null) return "stable";
  if (scoreChange >= IMPROVEMENT_THRESHOLD) return "improving";
  if (scoreChange <= -IMPROVEMENT_THRESHOLD) return "declining";
  return "stable";
}

/** SQL for the trend of a score change expression (no change to compare: stable). */
export function trendSql(change: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${change} >= ${IMPROVEMENT_THRESHOLD} THEN 'improving' WHEN ${change} <= ${-IMPROVEMENT_THRESHOLD} THEN 'declining' ELSE 'stable' END`;
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
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100) : 0;
}

/** Integer division of money for "cost per ..." figures; 0 when nothing to divide by. */
export function costPer(amount: number, count: number): number {
  return count > 0 ? Math.round(amount / count) : 0;
}

/** SQL CASE giving the band of an average score expression. */
export function bandSql(score: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${score} >= ${BANDS.excellent} THEN 'excellent'
                         WHEN ${score} >= ${BANDS.good} THEN 'good'
                         WHEN ${score} >= ${BANDS.needs_improvement} THEN 'needs_improvement'
                         ELSE 'at_risk' END`;
}

/** SQL CASE giving the CBC band of an average score expression. */
export function cbcBandSql(score: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE WHEN ${score} >= ${CBC_BANDS.EE} THEN 'EE' WHEN ${score} >= ${CBC_BANDS.ME} THEN 'ME' WHEN ${score} >= ${CBC_BANDS.AE} THEN 'AE' ELSE 'BE' END`;
}

export const monthSql = dateSql;
