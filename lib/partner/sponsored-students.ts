/**
 * Per-student figures for a partner's sponsored students: the rows of
 * GET /sponsored-students, of the student CSV reports, and the trend counts that the
 * dashboard shows. One SQL statement computes them for every student at once.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { cachedMetric } from "./metric-cache";
import { improvementCte, periodRange, round, sponsoredStudentsCte, type DateRange, type Trend } from "./metrics";
import { pageInfo, pageWindow } from "./pagination";
import { partnerOf } from "./partner-of";
import type { sponsoredStudentsResponse } from "./schemas";

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
}

/** The CTEs that define `student_rows` for the partner, range and filters. */
function studentRowsCte(partnerId: string, range: DateRange, filters: StudentFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.gradeLevel !== undefined) conditions.push(Prisma.sql`st.grade_level = ${filters.gradeLevel}`);
  if (filters.county !== undefined) conditions.push(Prisma.sql`lower(co.name) = lower(${filters.county})`);
  if (filters.performance !== undefined) conditions.push(Prisma.sql`t.trend = ${filters.performance}`);
  return Prisma.sql`WITH ${sponsoredStudentsCte(partnerId, range)},
  ${improvementCte},
  kind AS (
    SELECT DISTINCT ON (student_id) student_id, type::text AS sponsorship_type
      FROM sponsorships
     WHERE partner_id = ${partnerId}::uuid AND status IN ('active', 'completed')
     ORDER BY student_id, start_date DESC
  ),
  enrolled AS (
    SELECT e.student_id, COUNT(*)::int AS courses_enrolled,
           (COUNT(*) FILTER (WHERE e.status = 'completed'))::int AS courses_completed,
           MAX(e.last_activity_at) AS last_activity
      FROM enrollments e JOIN sponsored sp ON sp.student_id = e.student_id
     GROUP BY e.student_id
  ),
  scored AS (
    SELECT a.student_id, AVG(a.score) AS average_score, MAX(a.taken_at) AS last_assessed
      FROM assessments a JOIN sponsored sp ON sp.student_id = a.student_id
     WHERE a.taken_at >= ${range.from} AND a.taken_at <= ${range.to}
     GROUP BY a.student_id
  ),
  tutored AS (
    SELECT ts.student_id, COUNT(*)::int AS sessions, MAX(ts.started_at) AS last_session
      FROM tutor_sessions ts JOIN sponsored sp ON sp.student_id = ts.student_id
     WHERE ts.started_at >= ${range.from} AND ts.started_at <= ${range.to}
     GROUP BY ts.student_id
  ),
  student_rows AS (
    SELECT st.id::text AS id, st.first_name || ' ' || st.last_name AS name, st.last_name, st.first_name,
           st.grade_level, co.name AS county, sc.name AS school,
           COALESCE(k.sponsorship_type, 'program') AS sponsorship_type,
           COALESCE(en.courses_enrolled, 0) AS courses_enrolled, COALESCE(en.courses_completed, 0) AS courses_completed,
           ROUND(s.average_score, 1)::float8 AS average_score,
           t.trend AS performance_trend, t.score_change::float8 AS score_change,
           COALESCE(tu.sessions, 0) AS ai_tutor_sessions,
           NULLIF(GREATEST(COALESCE(en.last_activity, '-infinity'), COALESCE(s.last_assessed, '-infinity'),
                           COALESCE(tu.last_session, '-infinity')), '-infinity') AS last_active
      FROM sponsored sp
      JOIN students st ON st.id = sp.student_id
      JOIN counties co ON co.id = st.county_id
      JOIN schools sc ON sc.id = st.school_id
      JOIN trend t ON t.student_id = sp.student_id
      LEFT JOIN kind k ON k.student_id = sp.student_id
      LEFT JOIN enrolled en ON en.student_id = sp.student_id
      LEFT JOIN scored s ON s.student_id = sp.student_id
      LEFT JOIN tutored tu ON tu.student_id = sp.student_id
     WHERE ${Prisma.join(conditions, " AND ")}
  )`;
}

type RawRow = Omit<SponsoredStudentRow, "last_active"> & { last_active: Date | null };

function toRow(row: RawRow): SponsoredStudentRow {
  return {
    id: row.id,
    name: row.name,
    grade_level: row.grade_level,
    county: row.county,
    school: row.school,
    sponsorship_type: row.sponsorship_type,
    courses_enrolled: row.courses_enrolled,
    courses_completed: row.courses_completed,
    average_score: row.average_score,
    performance_trend: row.performance_trend,
    score_change: row.score_change,
    ai_tutor_sessions: row.ai_tutor_sessions,
    last_active: row.last_active ? row.last_active.toISOString() : null,
  };
}

const rowColumns = Prisma.sql`id, name, grade_level, county, school, sponsorship_type, courses_enrolled, courses_completed,
  average_score, performance_trend, score_change, ai_tutor_sessions, last_active`;

/** Every sponsored student in `range`, ordered by name (reports use all of them). */
export async function sponsoredStudentRows(options: { partnerId: string; range: DateRange; filters?: StudentFilters }): Promise<SponsoredStudentRow[]> {
  const rows = await getDb().$queryRaw<RawRow[]>`${studentRowsCte(options.partnerId, options.range, options.filters ?? {})}
    SELECT ${rowColumns} FROM student_rows ORDER BY last_name, first_name, id`;
  return rows.map(toRow);
}

export interface TrendCounts {
  total: number;
  average_score_all: number | null;
  improving_count: number;
  stable_count: number;
  declining_count: number;
}

/** How many sponsored students improve, hold steady or decline, and their average score. */
export async function sponsoredStudentTrends(options: { partnerId: string; range: DateRange; filters?: StudentFilters }): Promise<TrendCounts> {
  const [row] = await getDb().$queryRaw<Array<TrendCounts>>`${studentRowsCte(options.partnerId, options.range, options.filters ?? {})}
    SELECT COUNT(*)::int AS total,
           ROUND(AVG(average_score)::numeric, 1)::float8 AS average_score_all,
           (COUNT(*) FILTER (WHERE performance_trend = 'improving'))::int AS improving_count,
           (COUNT(*) FILTER (WHERE performance_trend = 'stable'))::int AS stable_count,
           (COUNT(*) FILTER (WHERE performance_trend = 'declining'))::int AS declining_count
      FROM student_rows`;
  return row;
}

/** All-time trend counts, as the dashboard and the sponsored-students list show them. */
export function allTimeTrends(options: { partnerId: string; filters?: StudentFilters }): Promise<TrendCounts> {
  const filters = options.filters ?? {};
  const key = `trends:${options.partnerId}:${filters.gradeLevel ?? ""}:${filters.county?.toLowerCase() ?? ""}:${filters.performance ?? ""}`;
  return cachedMetric(key, options.partnerId, () => sponsoredStudentTrends({ partnerId: options.partnerId, range: periodRange("all_time"), filters }));
}

/** GET /partner/sponsored-students. Figures cover all time up to now. */
export async function listSponsoredStudents(options: {
  actor: Actor;
  page: number;
  limit: number;
  gradeLevel?: number;
  county?: string;
  performance?: Trend;
}): Promise<z.infer<typeof sponsoredStudentsResponse>> {
  const partnerId = partnerOf(options.actor);
  const filters = { gradeLevel: options.gradeLevel, county: options.county, performance: options.performance };
  const { skip, take } = pageWindow(options);
  const pageKey = `students:${partnerId}:${options.page}:${options.limit}:${filters.gradeLevel ?? ""}:${filters.county?.toLowerCase() ?? ""}:${filters.performance ?? ""}`;
  const [rows, trends] = await Promise.all([
    cachedMetric(pageKey, partnerId, async () =>
      (
        await getDb().$queryRaw<RawRow[]>`${studentRowsCte(partnerId, periodRange("all_time"), filters)}
          SELECT ${rowColumns} FROM student_rows ORDER BY last_name, first_name, id LIMIT ${take} OFFSET ${skip}`
      ).map(toRow),
    ),
    allTimeTrends({ partnerId, filters }),
  ]);
  const { total, ...aggregate } = trends;
  return {
    students: rows,
    ...pageInfo(options, total),
    aggregate: { ...aggregate, average_score_all: aggregate.average_score_all === null ? null : round(aggregate.average_score_all, 1) },
  };
}
