/**
 * The comparison of a partner's sponsored students with outcomes no partner funded
 * (`comparison_to_platform`), for all the partner's students or for one grade and/or
 * subject, as the impact page's filters ask.
 *
 * - Average score: the mean of the assessments taken in the window's months.
 * - Completion rate: completions in those months over those completions plus the course
 *   enrolments still open at the window's end.
 * - Sponsored: what is credited to the partner (metrics.ts), of students in the grade.
 * - Unfunded: outcomes credited to no partner, of every student in the grade; an
 *   enrolment open at the end counts as unfunded unless some partner funded its student
 *   at that moment.
 * A grade is the student's grade as recorded now, as on every other chart.
 */
import type { z } from "zod";
import { getDb, Prisma } from "../db";
import { monthSql, openAtEndCte, percent, round, runsToNow, subjectCellsCte, type Window } from "./metrics";
import type { impactResponse } from "./schemas/impact";

export type PlatformComparison = z.infer<typeof impactResponse>["comparison_to_platform"];

export interface ComparisonFilter {
  gradeLevel?: number;
  subject?: string;
}

export interface UnfundedRow {
  platform_assessments: number;
  platform_score_sum: number | null;
  platform_completions: number;
  platform_open: number;
}

/**
 * SQL for the unfunded side as the columns of UnfundedRow, read from
 * platform_subject_months (kept by triggers with the learning records) and from the
 * funded students' open enrolments.
 */
export function unfundedSql(window: Window, filter: ComparisonFilter = {}): Prisma.Sql {
  const first = monthSql(window.firstMonth);
  const inFilter = Prisma.sql`${filter.gradeLevel === undefined ? Prisma.empty : Prisma.sql`AND grade_level = ${filter.gradeLevel}`}
    ${filter.subject === undefined ? Prisma.empty : Prisma.sql`AND subject = ${filter.subject}`}`;
  return Prisma.sql`SELECT COALESCE(SUM(assessments) FILTER (WHERE month >= ${first}), 0)::int AS platform_assessments,
           (SUM(score_sum) FILTER (WHERE month >= ${first}))::float8 AS platform_score_sum,
           COALESCE(SUM(completions) FILTER (WHERE month >= ${first}), 0)::int AS platform_completions,
           GREATEST(0, COALESCE(SUM(all_enrolments - all_completions), 0)::int - ${fundedOpenAtEndSql(window, filter)}) AS platform_open
      FROM platform_subject_months WHERE month <= ${monthSql(window.lastMonth)} ${inFilter}`;
}

/**
 * Course enrolments open at the window's end of every student some partner funded at
 * that moment (once per student, however many partners): taken out of the open ones.
 */
function fundedOpenAtEndSql(window: Window, filter: ComparisonFilter): Prisma.Sql {
  const end = new Date(window.until.getTime() - 1);
  const inGrade = filter.gradeLevel === undefined ? Prisma.empty : Prisma.sql`AND ps.grade_level = ${filter.gradeLevel}`;
  if (runsToNow(window)) {
    if (filter.subject === undefined) {
      return Prisma.sql`(SELECT COALESCE(SUM(open), 0)::int FROM (
          SELECT MAX(ps.open_enrolments) AS open FROM partner_students ps WHERE ps.funding @> ${end}::timestamptz ${inGrade} GROUP BY ps.student_id) o)`;
    }
    return Prisma.sql`(SELECT COALESCE(SUM(open), 0)::int FROM (
        SELECT MAX(o.open) AS open FROM partner_students ps
          JOIN partner_open_enrolments o ON o.partner_id = ps.partner_id AND o.student_id = ps.student_id AND o.subject = ${filter.subject}
         WHERE ps.funding @> ${end}::timestamptz ${inGrade} GROUP BY ps.student_id) o)`;
  }
  const inSubject =
    filter.subject === undefined
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (SELECT 1 FROM courses c WHERE c.id = e.course_id AND c.subject::text = ${filter.subject})`;
  return Prisma.sql`(SELECT COUNT(*)::int FROM (SELECT DISTINCT ps.student_id FROM partner_students ps WHERE ps.funding @> ${end}::timestamptz ${inGrade}) f
     JOIN enrollments e ON e.student_id = f.student_id
     WHERE e.enrolled_at <= ${end}::timestamptz AND (e.completed_at IS NULL OR e.completed_at > ${end}::timestamptz) ${inSubject})`;
}

/** The unfunded side's two figures. */
export function unfundedFigures(row: UnfundedRow): Pick<PlatformComparison, "platform_avg_score" | "platform_completion_rate"> {
  return {
    platform_avg_score: row.platform_assessments > 0 ? round(row.platform_score_sum! / row.platform_assessments, 1) : null,
    platform_completion_rate: percent(row.platform_completions, row.platform_completions + row.platform_open),
  };
}

export interface ComputePlatformComparisonOptions extends ComparisonFilter {
  partnerId: string;
  window: Window;
}

/** The comparison for the partner's students in the grade and subject (either may be left out). */
export async function computePlatformComparison(options: ComputePlatformComparisonOptions): Promise<PlatformComparison> {
  const { partnerId, window, gradeLevel, subject } = options;
  const inGrade =
    gradeLevel === undefined
      ? Prisma.empty
      : Prisma.sql`JOIN partner_students ps ON ps.partner_id = ${partnerId}::uuid AND ps.student_id = sc.student_id AND ps.grade_level = ${gradeLevel}`;
  const inSubject = subject === undefined ? Prisma.sql`TRUE` : Prisma.sql`sc.subject = ${subject}`;
  const [row] = await getDb().$queryRaw<
    Array<UnfundedRow & { assessments: number; score_sum: number | null; completions: number; open: number }>
  >`
    WITH ${subjectCellsCte(partnerId, window)},
    ${openAtEndCte(partnerId, window, { gradeLevel })},
    sponsored AS (
      SELECT COALESCE(SUM(sc.assessments), 0)::int AS assessments, SUM(sc.score_sum)::float8 AS score_sum, COALESCE(SUM(sc.completions), 0)::int AS completions
        FROM subject_cells sc ${inGrade} WHERE ${inSubject}
    ),
    unfunded AS (${unfundedSql(window, { gradeLevel, subject })})
    SELECT s.*, u.*,
           (SELECT COALESCE(SUM(o.open), 0)::int FROM open_at_end o ${subject === undefined ? Prisma.empty : Prisma.sql`WHERE o.subject = ${subject}`}) AS open
      FROM sponsored s, unfunded u`;
  return {
    sponsored_avg_score: row!.assessments > 0 ? round(row!.score_sum! / row!.assessments, 1) : null,
    sponsored_completion_rate: percent(row!.completions, row!.completions + row!.open),
    ...unfundedFigures(row!),
  };
}
