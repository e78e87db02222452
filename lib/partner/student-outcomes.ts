/**
 * Student outcome analytics (GET /partner/impact/student-outcomes): performance bands,
 * subjects and the monthly score trend of a partner's sponsored students.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { cachedMetric } from "./metric-cache";
import { bandSql, percent, periodRange, sponsoredStudentsCte, type DateRange, type Period } from "./metrics";
import { partnerOf } from "./partner-of";
import type { studentOutcomesResponse } from "./schemas";

export type StudentOutcomeFigures = Omit<z.infer<typeof studentOutcomesResponse>, "period">;

const BAND_NAMES = ["excellent", "good", "needs_improvement", "at_risk"] as const;

export async function computeStudentOutcomes(options: {
  partnerId: string;
  range: DateRange;
  gradeLevel?: number;
  subject?: string;
}): Promise<StudentOutcomeFigures> {
  const { partnerId, range } = options;
  const studentFilter = options.gradeLevel === undefined ? Prisma.sql`TRUE` : Prisma.sql`st.grade_level = ${options.gradeLevel}`;
  const subjectFilter = options.subject === undefined ? Prisma.sql`TRUE` : Prisma.sql`c.subject::text = ${options.subject}`;
  const base = Prisma.sql`WITH ${sponsoredStudentsCte(partnerId, range)},
    cohort AS (
      SELECT sp.student_id FROM sponsored sp JOIN students st ON st.id = sp.student_id WHERE ${studentFilter}
    ),
    scores AS (
      SELECT a.student_id, c.subject::text AS subject, a.score, a.taken_at
        FROM assessments a JOIN cohort ch ON ch.student_id = a.student_id JOIN courses c ON c.id = a.course_id
       WHERE a.taken_at >= ${range.from} AND a.taken_at <= ${range.to} AND ${subjectFilter}
    ),
    open_enrolments AS (
      SELECT c.subject::text AS subject, e.completed_at
        FROM enrollments e JOIN cohort ch ON ch.student_id = e.student_id JOIN courses c ON c.id = e.course_id
       WHERE e.enrolled_at <= ${range.to} AND (e.completed_at IS NULL OR e.completed_at >= ${range.from}) AND ${subjectFilter}
    )`;

  const db = getDb();
  const [bands, subjects, trend] = await Promise.all([
    db.$queryRaw<Array<{ band: string; count: number; avg_score: number }>>`${base},
      per_student AS (SELECT student_id, AVG(score) AS avg FROM scores GROUP BY student_id)
      SELECT ${bandSql(Prisma.sql`avg`)} AS band, COUNT(*)::int AS count, ROUND(AVG(avg), 1)::float8 AS avg_score
        FROM per_student GROUP BY 1`,
    db.$queryRaw<Array<{ subject: string; avg_score: number | null; open: bigint; completed: bigint }>>`${base},
      subject_scores AS (
        SELECT subject, AVG(avg) AS avg FROM (SELECT student_id, subject, AVG(score) AS avg FROM scores GROUP BY 1, 2) s GROUP BY subject
      ),
      subject_completion AS (
        SELECT subject, COUNT(*) AS open,
               COUNT(*) FILTER (WHERE completed_at >= ${range.from} AND completed_at <= ${range.to}) AS completed
          FROM open_enrolments GROUP BY subject
      )
      SELECT COALESCE(ss.subject, sc.subject) AS subject, ROUND(ss.avg, 1)::float8 AS avg_score,
             COALESCE(sc.open, 0) AS open, COALESCE(sc.completed, 0) AS completed
        FROM subject_scores ss FULL JOIN subject_completion sc ON sc.subject = ss.subject
       ORDER BY 1`,
    db.$queryRaw<Array<{ month: string; avg_score: number }>>`${base}
      SELECT to_char(date_trunc('month', taken_at AT TIME ZONE 'UTC'), 'YYYY-MM') AS month, ROUND(AVG(score), 1)::float8 AS avg_score
        FROM scores GROUP BY 1 ORDER BY 1`,
  ]);

  const total = bands.reduce((sum, band) => sum + band.count, 0);
  const byBand = Object.fromEntries(
    BAND_NAMES.map((name) => {
      const row = bands.find((band) => band.band === name);
      return [name, { count: row?.count ?? 0, avg_score: row?.avg_score ?? null, percent: percent(row?.count ?? 0, total) }];
    }),
  ) as StudentOutcomeFigures["by_performance"];

  return {
    total_students: total,
    by_performance: byBand,
    by_subject: subjects.map((row) => ({
      // The database enum's labels are the names the API shows ("Social Studies").
      subject: row.subject,
      avg_score: row.avg_score,
      completion_rate: percent(Number(row.completed), Number(row.open)),
    })),
    score_trend: trend,
  };
}

/** GET /partner/impact/student-outcomes. */
export async function getStudentOutcomes(options: {
  actor: Actor;
  period: Period;
  gradeLevel?: number;
  subject?: string;
}): Promise<z.infer<typeof studentOutcomesResponse>> {
  const partnerId = partnerOf(options.actor);
  const key = `outcomes:${partnerId}:${options.period}:${options.gradeLevel ?? ""}:${options.subject ?? ""}`;
  const figures = await cachedMetric(key, partnerId, () =>
    computeStudentOutcomes({ partnerId, range: periodRange(options.period), gradeLevel: options.gradeLevel, subject: options.subject }),
  );
  return { period: options.period, ...figures };
}
