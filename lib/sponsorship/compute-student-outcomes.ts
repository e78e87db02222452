/**
 * Student outcome analytics (GET /partner/impact/student-outcomes and the reports):
 * performance bands (the spec's four and the Kenyan CBC bands), subjects and the monthly
 * score trend of the partner's students, counting only credited outcomes (metrics.ts), and
 * the comparison with unfunded outcomes for the same grade and subject.
 */
import type { z } from "zod";
import { getDb, Prisma } from "../db";
import {
  bandSql,
  cbcBandSql,
  figuresCte,
  openAtEndCte,
  partnerCellsCte,
  partnerSubjectCellsCte,
  percent,
  subjectCellsCte,
  windowBounds,
  type Window,
} from "./metrics";
import { computePlatformComparison } from "./platform-comparison";
import type { studentOutcomesResponse } from "./schemas/impact";

export type StudentOutcomeFigures = Omit<z.infer<typeof studentOutcomesResponse>, "period">;

const BAND_NAMES = ["excellent", "good", "needs_improvement", "at_risk"] as const;
const CBC_NAMES = ["EE", "ME", "AE", "BE"] as const;

interface BandRow {
  kind: "band" | "cbc";
  band: string;
  count: number;
  avg_score: number;
}

export interface ComputeStudentOutcomesOptions {
  partnerId: string;
  window: Window;
  gradeLevel?: number;
  subject?: string;
}

export async function computeStudentOutcomes(options: ComputeStudentOutcomesOptions): Promise<StudentOutcomeFigures> {
  const { partnerId, window, gradeLevel, subject } = options;
  const inGrade = (alias: string) =>
    gradeLevel === undefined
      ? Prisma.empty
      : Prisma.sql`JOIN partner_students ps ON ps.partner_id = ${partnerId}::uuid AND ps.student_id = ${Prisma.raw(alias)}.student_id AND ps.grade_level = ${gradeLevel}`;
  const subjectFilter = subject === undefined ? Prisma.sql`TRUE` : Prisma.sql`subject = ${subject}`;

  // Each student's average: over every subject, or over the one asked for.
  const perStudent =
    subject === undefined
      ? Prisma.sql`WITH ${figuresCte(partnerId, window)},
          per_student AS (SELECT f.student_id, f.score_sum / f.assessments AS avg FROM figures f WHERE f.assessments > 0 ${gradeLevel === undefined ? Prisma.empty : Prisma.sql`AND f.grade_level = ${gradeLevel}`})`
      : Prisma.sql`WITH ${subjectCellsCte(partnerId, window)},
          per_student AS (
            SELECT sc.student_id, SUM(sc.score_sum) / SUM(sc.assessments) AS avg FROM subject_cells sc ${inGrade("sc")}
             WHERE sc.subject = ${subject} GROUP BY sc.student_id HAVING SUM(sc.assessments) > 0
          )`;
  // Per subject: the portfolio's monthly totals, or the grade's students' cells.
  const perSubject =
    gradeLevel === undefined
      ? Prisma.sql`${partnerSubjectCellsCte(partnerId, window)},
          per_subject AS (
            SELECT subject, SUM(score_sum) / NULLIF(SUM(assessments), 0) AS avg, SUM(completions)::int AS completed
              FROM partner_subject_cells WHERE ${subjectFilter} GROUP BY subject
          )`
      : Prisma.sql`${subjectCellsCte(partnerId, window)},
          per_subject AS (
            SELECT sc.subject, SUM(sc.score_sum) / NULLIF(SUM(sc.assessments), 0) AS avg, SUM(sc.completions)::int AS completed
              FROM subject_cells sc ${inGrade("sc")} WHERE ${subjectFilter} GROUP BY sc.subject
          )`;
  // Per month: the same choice.
  const perMonth =
    gradeLevel === undefined && subject === undefined
      ? Prisma.sql`WITH ${partnerCellsCte(partnerId, window)}, monthly AS (SELECT month, assessments, score_sum FROM partner_cells)`
      : gradeLevel === undefined
        ? Prisma.sql`WITH ${partnerSubjectCellsCte(partnerId, window)}, monthly AS (SELECT month, assessments, score_sum FROM partner_subject_cells WHERE ${subjectFilter})`
        : Prisma.sql`WITH ${subjectCellsCte(partnerId, window)}, monthly AS (SELECT sc.month, sc.assessments, sc.score_sum FROM subject_cells sc ${inGrade("sc")} WHERE ${subjectFilter})`;

  const db = getDb();
  const [bands, subjects, trend, comparison] = await Promise.all([
    db.$queryRaw<BandRow[]>`${perStudent}
      SELECT 'band' AS kind, ${bandSql(Prisma.sql`avg`)} AS band, COUNT(*)::int AS count, ROUND(AVG(avg)::numeric, 1)::float8 AS avg_score FROM per_student GROUP BY 2
      UNION ALL
      SELECT 'cbc', ${cbcBandSql(Prisma.sql`avg`)}, COUNT(*)::int, ROUND(AVG(avg)::numeric, 1)::float8 FROM per_student GROUP BY 2`,
    db.$queryRaw<Array<{ subject: string; avg_score: number | null; completed: number; open: number }>>`WITH
      ${openAtEndCte(partnerId, window, { gradeLevel })},
      ${perSubject}
      SELECT ps.subject, ROUND(ps.avg::numeric, 1)::float8 AS avg_score, ps.completed, COALESCE(o.open, 0) AS open
        FROM per_subject ps LEFT JOIN open_at_end o ON o.subject = ps.subject
       ORDER BY ps.subject`,
    db.$queryRaw<Array<{ month: string; avg_score: number }>>`${perMonth}
      SELECT to_char(month, 'YYYY-MM') AS month, ROUND((SUM(score_sum) / SUM(assessments))::numeric, 1)::float8 AS avg_score
        FROM monthly GROUP BY month HAVING SUM(assessments) > 0 ORDER BY month`,
    computePlatformComparison({ partnerId, window, gradeLevel, subject }),
  ]);

  const group = (kind: BandRow["kind"], names: readonly string[]) => {
    const rows = bands.filter((row) => row.kind === kind);
    const total = rows.reduce((sum, row) => sum + row.count, 0);
    return Object.fromEntries(
      names.map((name) => {
        const row = rows.find((r) => r.band === name);
        return [name, { count: row?.count ?? 0, avg_score: row?.avg_score ?? null, percent: percent(row?.count ?? 0, total) }];
      }),
    );
  };
  const total = bands.filter((row) => row.kind === "band").reduce((sum, row) => sum + row.count, 0);
  return {
    ...windowBounds(window),
    total_students: total,
    by_performance: group("band", BAND_NAMES) as StudentOutcomeFigures["by_performance"],
    by_cbc_band: group("cbc", CBC_NAMES) as StudentOutcomeFigures["by_cbc_band"],
    by_subject: subjects.map((row) => ({
      subject: row.subject,
      avg_score: row.avg_score,
      completion_rate: percent(row.completed, row.completed + row.open),
    })),
    score_trend: trend,
    comparison_to_platform: comparison,
  };
}
