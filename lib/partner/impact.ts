/**
 * Impact figures for a partner over a date range (GET /partner/impact, the dashboard
 * and the reports): reach, outcomes, the comparison with the rest of the platform and
 * return on investment. Definitions are in metrics.ts.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { toMajor } from "../money";
import { cachedMetric } from "./metric-cache";
import { costPer, improvementCte, percent, periodRange, round, sponsoredStudentsCte, type DateRange, type Period } from "./metrics";
import { partnerOf } from "./partner-of";
import type { impactResponse } from "./schemas";

export type ImpactFigures = Omit<z.infer<typeof impactResponse>, "period">;

const DEFAULT_CURRENCY = "KES";

/**
 * `completion(group, open, completed)`: enrolments open during the range and those
 * completed within it, for sponsored students (group 's') and everyone else ('p').
 */
function completionCte(range: DateRange): Prisma.Sql {
  return Prisma.sql`completion AS (
    SELECT CASE WHEN sp.student_id IS NULL THEN 'p' ELSE 's' END AS grp,
           COUNT(*) AS open,
           COUNT(*) FILTER (WHERE e.completed_at >= ${range.from} AND e.completed_at <= ${range.to}) AS completed
      FROM enrollments e LEFT JOIN sponsored sp ON sp.student_id = e.student_id
     WHERE e.enrolled_at <= ${range.to} AND (e.completed_at IS NULL OR e.completed_at >= ${range.from})
     GROUP BY 1
  )`;
}

interface ImpactRow {
  students_reached: number;
  score_improvement: number | null;
  sponsored_open: bigint | null;
  sponsored_completed: bigint | null;
  platform_open: bigint | null;
  platform_completed: bigint | null;
  sponsored_avg: number | null;
  platform_avg: number | null;
  advancing: number;
  certificates: number;
  tutor_sessions: number;
  courses_funded: number;
  investment_minor: bigint | null;
  currency: string | null;
}

export async function computeImpact(options: { partnerId: string; range: DateRange }): Promise<ImpactFigures> {
  const { partnerId, range } = options;
  const [row] = await getDb().$queryRaw<ImpactRow[]>`
    WITH ${sponsoredStudentsCte(partnerId, range)},
    ${improvementCte},
    ${completionCte(range)},
    student_avg AS (
      SELECT a.student_id, (sp.student_id IS NOT NULL) AS sponsored, AVG(a.score) AS avg
        FROM assessments a LEFT JOIN sponsored sp ON sp.student_id = a.student_id
       WHERE a.taken_at >= ${range.from} AND a.taken_at <= ${range.to}
       GROUP BY a.student_id, sp.student_id
    ),
    funded_courses AS (
      SELECT sc.course_id FROM sponsorship_courses sc JOIN sponsorships s ON s.id = sc.sponsorship_id
       WHERE s.partner_id = ${partnerId}::uuid AND s.status IN ('active', 'completed')
         AND s.start_date <= ${range.to}::timestamptz AND s.end_date >= ${range.from}::timestamptz
      UNION
      SELECT pc.course_id FROM program_courses pc JOIN programs p ON p.id = pc.program_id
       WHERE p.partner_id = ${partnerId}::uuid AND p.status <> 'planning'
         AND p.start_date <= ${range.to}::timestamptz AND p.end_date >= ${range.from}::timestamptz
    )
    SELECT
      (SELECT COUNT(*)::int FROM sponsored) AS students_reached,
      (SELECT ROUND(AVG(score_change), 1)::float8 FROM trend) AS score_improvement,
      (SELECT open FROM completion WHERE grp = 's') AS sponsored_open,
      (SELECT completed FROM completion WHERE grp = 's') AS sponsored_completed,
      (SELECT open FROM completion WHERE grp = 'p') AS platform_open,
      (SELECT completed FROM completion WHERE grp = 'p') AS platform_completed,
      (SELECT ROUND(AVG(avg), 1)::float8 FROM student_avg WHERE sponsored) AS sponsored_avg,
      (SELECT ROUND(AVG(avg), 1)::float8 FROM student_avg WHERE NOT sponsored) AS platform_avg,
      (SELECT COUNT(DISTINCT g.student_id)::int FROM grade_promotions g JOIN sponsored sp ON sp.student_id = g.student_id
        WHERE g.promoted_at >= ${range.from} AND g.promoted_at <= ${range.to}) AS advancing,
      (SELECT COUNT(*)::int FROM certificates c JOIN sponsored sp ON sp.student_id = c.student_id
        WHERE c.issued_at >= ${range.from} AND c.issued_at <= ${range.to}) AS certificates,
      (SELECT COUNT(*)::int FROM tutor_sessions ts JOIN sponsored sp ON sp.student_id = ts.student_id
        WHERE ts.started_at >= ${range.from} AND ts.started_at <= ${range.to}) AS tutor_sessions,
      (SELECT COUNT(*)::int FROM funded_courses) AS courses_funded,
      (SELECT SUM(amount_minor) FROM payments
        WHERE partner_id = ${partnerId}::uuid AND status = 'completed'
          AND completed_at >= ${range.from} AND completed_at <= ${range.to}) AS investment_minor,
      (SELECT MIN(currency) FROM payments WHERE partner_id = ${partnerId}::uuid) AS currency`;

  const investment = toMajor(row.investment_minor ?? 0n);
  const sponsoredCompleted = Number(row.sponsored_completed ?? 0);
  return {
    students_reached: row.students_reached,
    courses_funded: row.courses_funded,
    total_investment: investment,
    currency: row.currency ?? DEFAULT_CURRENCY,
    outcomes: {
      average_score_improvement: row.score_improvement === null ? 0 : round(row.score_improvement, 1),
      course_completion_rate: percent(sponsoredCompleted, Number(row.sponsored_open ?? 0)),
      students_advancing_grade: row.advancing,
      certificates_earned: row.certificates,
      ai_tutor_sessions: row.tutor_sessions,
    },
    comparison_to_platform: {
      sponsored_avg_score: row.sponsored_avg,
      platform_avg_score: row.platform_avg,
      sponsored_completion_rate: percent(sponsoredCompleted, Number(row.sponsored_open ?? 0)),
      platform_completion_rate: percent(Number(row.platform_completed ?? 0), Number(row.platform_open ?? 0)),
    },
    roi_metrics: {
      cost_per_student: costPer(investment, row.students_reached),
      cost_per_course_completion: costPer(investment, sponsoredCompleted),
      cost_per_certificate: costPer(investment, row.certificates),
    },
  };
}

/** Impact over one of the named periods ending now; shared by the impact endpoint and the dashboard. */
export function impactForPeriod(options: { partnerId: string; period: Period }): Promise<ImpactFigures> {
  return cachedMetric(`impact:${options.partnerId}:${options.period}`, options.partnerId, () =>
    computeImpact({ partnerId: options.partnerId, range: periodRange(options.period) }),
  );
}

/** GET /partner/impact. */
export async function getImpact(options: { actor: Actor; period: Period }): Promise<z.infer<typeof impactResponse>> {
  const figures = await impactForPeriod({ partnerId: partnerOf(options.actor), period: options.period });
  return { period: options.period, ...figures };
}
