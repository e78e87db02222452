/**
 * A program's outcome figures, by the one attribution rule (metrics.ts): only what its
 * participants did while the program funded them, from the later of their enrolment
 * and the program's funding to the program's end date, and up to now.
 *
 * - average_score: the mean of those assessment scores.
 * - completion_rate: of the enrolments in the program's own courses the funding covered
 *   (completed while funded, or still open at the end of the funding or now), the
 *   percentage completed.
 * - certificates: certificates issued while funded.
 * - average_score_improvement: over participants with a baseline, the mean of their
 *   recent average (funded assessments in the last three months up to the funding's end
 *   or now) minus their baseline (their assessments in the 90 days before the program
 *   began funding them). Participants without a baseline or recent assessments are
 *   counted apart, not averaged in.
 */
import type { DbTx } from "../db";
import { addMonths, BASELINE_DAYS, monthStart, RECENT_MONTHS, percent, round } from "./metrics";

export interface ProgramOutcomes {
  average_score: number | null;
  completion_rate: number;
  certificates: number;
  average_score_improvement: number | null;
  students_measured: number;
  students_not_measured: number;
}

interface Row {
  scores: number;
  score_sum: number | null;
  completed: number;
  open: number;
  certificates: number;
  improvement: number | null;
  measured: number;
  funded: number;
}

/** The figures for one program, as of `now`. */
export async function computeProgramOutcomes(db: DbTx, program: { id: string; endDate: Date }, now: Date): Promise<ProgramOutcomes> {
  const programEnd = new Date(program.endDate.getTime() + 86_400_000);
  const until = programEnd < now ? programEnd : now;
  const recentFrom = addMonths(monthStart(new Date(until.getTime() - 1)), -(RECENT_MONTHS - 1));
  const [row] = await db.$queryRaw<Row[]>`
    WITH spells AS (
      SELECT pp.student_id, GREATEST(pp.enrolled_at, p.activated_at) AS starts_at, ${until}::timestamptz AS ends_at
        FROM program_participants pp JOIN programs p ON p.id = pp.program_id
       WHERE pp.program_id = ${program.id}::uuid AND p.status <> 'planning' AND p.activated_at IS NOT NULL
         AND GREATEST(pp.enrolled_at, p.activated_at) < ${until}::timestamptz
    ),
    scores AS (
      SELECT s.student_id, COUNT(*)::int AS n, SUM(a.score)::float8 AS total,
             AVG(a.score) FILTER (WHERE a.taken_at >= GREATEST(s.starts_at, ${recentFrom}::timestamptz))::float8 AS recent
        FROM spells s JOIN assessments a ON a.student_id = s.student_id AND a.taken_at >= s.starts_at AND a.taken_at < s.ends_at
       GROUP BY s.student_id
    ),
    baseline AS (
      SELECT s.student_id, AVG(a.score)::float8 AS average
        FROM spells s JOIN assessments a ON a.student_id = s.student_id
         AND a.taken_at >= s.starts_at - make_interval(days => ${BASELINE_DAYS}) AND a.taken_at < s.starts_at
       GROUP BY s.student_id
    ),
    changes AS (
      SELECT sc.recent - b.average AS change FROM scores sc JOIN baseline b ON b.student_id = sc.student_id WHERE sc.recent IS NOT NULL
    ),
    enrolment AS (
      SELECT COUNT(*) FILTER (WHERE e.completed_at >= s.starts_at AND e.completed_at < s.ends_at)::int AS completed,
             COUNT(*) FILTER (WHERE e.enrolled_at < s.ends_at AND (e.completed_at IS NULL OR e.completed_at >= s.ends_at))::int AS open
        FROM spells s
        JOIN enrollments e ON e.student_id = s.student_id
        JOIN program_courses pc ON pc.program_id = ${program.id}::uuid AND pc.course_id = e.course_id
    )
    SELECT COALESCE((SELECT SUM(n) FROM scores), 0)::int AS scores,
           (SELECT SUM(total) FROM scores)::float8 AS score_sum,
           (SELECT completed FROM enrolment) AS completed,
           (SELECT open FROM enrolment) AS open,
           (SELECT COUNT(*) FROM spells s JOIN certificates c ON c.student_id = s.student_id AND c.issued_at >= s.starts_at AND c.issued_at < s.ends_at)::int AS certificates,
           (SELECT AVG(change) FROM changes)::float8 AS improvement,
           (SELECT COUNT(*) FROM changes)::int AS measured,
           (SELECT COUNT(*) FROM spells)::int AS funded`;
  const r = row!;
  return {
    average_score: r.scores > 0 && r.score_sum !== null ? round(r.score_sum / r.scores, 1) : null,
    completion_rate: percent(r.completed, r.completed + r.open),
    certificates: r.certificates,
    average_score_improvement: r.improvement === null ? null : round(r.improvement, 1),
    students_measured: r.measured,
    students_not_measured: r.funded - r.measured,
  };
}
