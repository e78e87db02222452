/**
 * Per-student figures for a partner's sponsored students: the rows of
 * GET /sponsored-students, of the student CSV reports, and the trend counts the
 * dashboard shows. Everything counts only what was credited to the partner (metrics.ts).
 */
import type { z } from "zod";
import { getDb, Prisma } from "../db";
import { likePattern } from "../db/like";
import type { TrendCounts } from "./compute-impact";
import { figuresCte, IMPROVEMENT_THRESHOLD, TREND_COUNTS, trendSql, type Trend, type Window } from "./metrics";
import { pageInfo, pageWindow } from "./pagination";
import { partnerWindow } from "./partner-window";
import type { sponsoredStudentsResponse } from "./schemas/students";

export interface SponsoredStudentRow {
  id: string;
  name: string;
  grade_level: number;
  county: string;
  school: string;
  sponsorship_type: "full_scholarship" | "course_specific" | "partial" | "program";
  courses_enrolled: number;
  courses_completed: number;
  average_score: number | null;
  performance_trend: Trend;
  score_change: number | null;
  ai_tutor_sessions: number;
  last_active: string | null;
}

export interface StudentFilters {
  gradeLevel?: number;
  county?: string;
  performance?: Trend;
  /** The student's full name or school, in any case. */
  q?: string;
}

/**
 * The CTEs that define `student_rows(student_id, first_name, last_name, grade_level,
 * county_id, school_id, average_score, score_change, ...)`: the partner's students in
 * the window that pass the filters.
 */
function studentRowsCte(partnerId: string, window: Window, filters: StudentFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.gradeLevel !== undefined) conditions.push(Prisma.sql`f.grade_level = ${filters.gradeLevel}`);
  if (filters.county !== undefined) {
    conditions.push(Prisma.sql`f.county_id IN (SELECT id FROM counties WHERE lower(name) = lower(${filters.county}))`);
  }
  if (filters.performance !== undefined)
    conditions.push(Prisma.sql`${trendSql(Prisma.sql`f.recent_avg - f.baseline_avg`)} = ${filters.performance}`);
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(
      Prisma.sql`((f.first_name || ' ' || f.last_name) ILIKE ${pattern} OR f.school_id IN (SELECT id FROM schools WHERE name ILIKE ${pattern}))`,
    );
  }
  return Prisma.sql`WITH ${figuresCte(partnerId, window)},
  student_rows AS (SELECT f.* FROM figures f WHERE ${Prisma.join(conditions, " AND ")})`;
}

type RawRow = Omit<SponsoredStudentRow, "last_active" | "courses_enrolled"> & { last_active: Date | null };

/** The columns of a listed student, for rows of `student_rows` aliased `r`. */
function rowColumns(partnerId: string): Prisma.Sql {
  return Prisma.sql`r.student_id::text AS id, r.first_name || ' ' || r.last_name AS name, r.grade_level, co.name AS county, sc.name AS school,
    COALESCE((SELECT s.type::text FROM sponsorships s
               WHERE s.partner_id = ${partnerId}::uuid AND s.student_id = r.student_id AND s.status IN ('active', 'completed')
               ORDER BY s.start_date DESC LIMIT 1), 'program') AS sponsorship_type,
    r.completions AS courses_completed,
    ROUND((r.score_sum / NULLIF(r.assessments, 0))::numeric, 1)::float8 AS average_score,
    ${trendSql(Prisma.sql`(r.recent_avg - r.baseline_avg)`)} AS performance_trend,
    ROUND((r.recent_avg - r.baseline_avg)::numeric, 1)::float8 AS score_change,
    r.tutor_sessions AS ai_tutor_sessions,
    r.last_active`;
}

/** Courses each student is enrolled in now, for the rows shown (a fact about the student, not an outcome). */
async function coursesEnrolled(studentIds: string[]): Promise<Map<string, number>> {
  if (studentIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<Array<{ student_id: string; n: number }>>`
    SELECT student_id::text, COUNT(*)::int AS n FROM enrollments
     WHERE student_id IN (${Prisma.join(studentIds.map((id) => Prisma.sql`${id}::uuid`))}) GROUP BY student_id`;
  return new Map(rows.map((row) => [row.student_id, row.n]));
}

async function toRows(rows: RawRow[]): Promise<SponsoredStudentRow[]> {
  const enrolled = await coursesEnrolled(rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    grade_level: row.grade_level,
    county: row.county,
    school: row.school,
    sponsorship_type: row.sponsorship_type,
    courses_enrolled: enrolled.get(row.id) ?? 0,
    courses_completed: row.courses_completed,
    average_score: row.average_score,
    performance_trend: row.performance_trend,
    score_change: row.score_change,
    ai_tutor_sessions: row.ai_tutor_sessions,
    last_active: row.last_active ? row.last_active.toISOString() : null,
  }));
}

const BY_NAME = Prisma.sql`ORDER BY r.last_name, r.first_name, r.student_id`;

/** Every student the partner funded in the window, ordered by name (reports use all of them). */
export async function sponsoredStudentRows(options: {
  partnerId: string;
  window: Window;
  filters?: StudentFilters;
}): Promise<SponsoredStudentRow[]> {
  const rows = await getDb().$queryRaw<RawRow[]>`${studentRowsCte(options.partnerId, options.window, options.filters ?? {})}
    SELECT ${rowColumns(options.partnerId)}
      FROM student_rows r JOIN counties co ON co.id = r.county_id JOIN schools sc ON sc.id = r.school_id ${BY_NAME}`;
  return toRows(rows);
}

/** How many sponsored students improve, hold steady or decline, and their average score. */
async function sponsoredStudentTrends(options: { partnerId: string; window: Window; filters?: StudentFilters }): Promise<TrendCounts> {
  const [row] = await getDb().$queryRaw<
    Array<Omit<TrendCounts, "stable_count">>
  >`${studentRowsCte(options.partnerId, options.window, options.filters ?? {})}
    SELECT COUNT(*)::int AS total, ${TREND_COUNTS} FROM student_rows`;
  return { ...row!, stable_count: row!.total - row!.improving_count - row!.declining_count };
}

/** One page of the partner's students over all time up to now, with the aggregate over every student that passes the filters. */
export async function sponsoredStudentsPage(
  partnerId: string,
  filters: StudentFilters,
  options: { page: number; limit: number },
): Promise<z.infer<typeof sponsoredStudentsResponse>> {
  const { skip, take } = pageWindow(options);
  const window = await partnerWindow(partnerId, "all_time", new Date());
  // One pass: the page, with the aggregate over every matching student beside each row.
  const rows = await getDb().$queryRaw<Array<RawRow & Omit<TrendCounts, "stable_count">>>`${studentRowsCte(partnerId, window, filters)},
    page AS (
      SELECT r.*, COUNT(*) OVER ()::int AS total,
             (COUNT(*) FILTER (WHERE (r.recent_avg - r.baseline_avg) >= ${IMPROVEMENT_THRESHOLD}) OVER ())::int AS improving_count,
             (COUNT(*) FILTER (WHERE (r.recent_avg - r.baseline_avg) <= ${-IMPROVEMENT_THRESHOLD}) OVER ())::int AS declining_count,
             (COUNT(*) FILTER (WHERE (r.recent_avg - r.baseline_avg) IS NULL) OVER ())::int AS not_measured_count,
             ROUND(AVG(ROUND((r.score_sum / NULLIF(r.assessments, 0))::numeric, 1)) OVER (), 1)::float8 AS average_score_all
        FROM student_rows r ${BY_NAME} LIMIT ${take} OFFSET ${skip}
    )
    SELECT ${rowColumns(partnerId)}, r.total, r.improving_count, r.declining_count, r.not_measured_count, r.average_score_all
      FROM page r JOIN counties co ON co.id = r.county_id JOIN schools sc ON sc.id = r.school_id ${BY_NAME}`;
  // Past the last page there is no row to carry the aggregate: count apart.
  const trends = rows[0]
    ? { ...rows[0], stable_count: rows[0].total - rows[0].improving_count - rows[0].declining_count }
    : await sponsoredStudentTrends({ partnerId, window, filters });
  const { total, improving_count, stable_count, declining_count, not_measured_count, average_score_all } = trends;
  return {
    students: await toRows(rows),
    ...pageInfo(options, total),
    aggregate: { average_score_all, improving_count, stable_count, declining_count, not_measured_count },
  };
}
