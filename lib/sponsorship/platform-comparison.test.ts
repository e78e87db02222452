import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { actorByEmail } from "@/tests/helpers/actors";
import { computeImpact } from "./compute-impact";
import { computeStudentOutcomes } from "./compute-student-outcomes";
import { addMonths, round, type Window } from "./metrics";
import { partnerOf } from "./partner-of";
import { partnerWindow } from "./partner-window";
import { computePlatformComparison } from "./platform-comparison";
import { getStudentOutcomes } from "./get-student-outcomes";

let partner: Actor;
let partnerId: string;
let window: Window;
/** The grade and subject with the most unfunded assessments in the year: the filter the figures are checked on. */
let grade: number;
let subject: string;

beforeAll(async () => {
  partner = await actorByEmail("partner@demo.test");
  partnerId = partnerOf(partner, "read");
  window = await partnerWindow(partnerId, "year", new Date());
  const [busiest] = await getDb().$queryRaw<Array<{ grade_level: number; subject: string }>>`
    SELECT ps.grade_level, ps.subject FROM platform_subject_months ps
     WHERE ps.month >= ${window.firstMonth}::date
       AND EXISTS (SELECT 1 FROM partner_students p WHERE p.partner_id = ${partnerId}::uuid AND p.grade_level = ps.grade_level)
     GROUP BY 1, 2 ORDER BY SUM(ps.assessments) DESC, 1, 2 LIMIT 1`;
  grade = busiest!.grade_level;
  subject = busiest!.subject;
});

describe("the comparison with unfunded outcomes", () => {
  it("with no filter, is the impact figures' comparison, for every period", async () => {
    for (const period of ["quarter", "year", "all_time"] as const) {
      const periodWindow = await partnerWindow(partnerId, period, new Date());
      const [impact, comparison] = await Promise.all([
        computeImpact({ partnerId, window: periodWindow }),
        computePlatformComparison({ partnerId, window: periodWindow }),
      ]);
      expect(comparison, period).toEqual(impact.comparison_to_platform);
    }
  });

  it("for a grade and subject, comes with the student outcomes, its sponsored side the one the charts give that subject", async () => {
    const outcomes = await computeStudentOutcomes({ partnerId, window, gradeLevel: grade, subject });
    const comparison = outcomes.comparison_to_platform;
    expect(comparison).toEqual(await computePlatformComparison({ partnerId, window, gradeLevel: grade, subject }));
    const row = outcomes.by_subject.find((entry) => entry.subject === subject);
    expect(row).toBeDefined();
    expect(comparison.sponsored_avg_score).toBe(row!.avg_score);
    expect(comparison.sponsored_completion_rate).toBe(row!.completion_rate);
  });

  it("for a grade and subject, gives the unfunded side counted from the records", async () => {
    const monthAfter = addMonths(window.lastMonth, 1);
    // Independent of the summaries: the records, and who was funded when by definition.
    const [expected] = await getDb().$queryRaw<Array<{ assessments: number; avg: number | null; completions: number; open: number }>>`
      WITH unfunded_assessments AS (
        SELECT a.score FROM assessments a JOIN courses c ON c.id = a.course_id JOIN students st ON st.id = a.student_id
         WHERE st.grade_level = ${grade} AND c.subject::text = ${subject}
           AND a.taken_at >= ${window.firstMonth} AND a.taken_at < ${monthAfter}
           AND NOT EXISTS (SELECT 1 FROM funding_spell_definitions fs WHERE fs.student_id = a.student_id AND a.taken_at >= fs.starts_at AND a.taken_at < fs.ends_at)
      )
      SELECT (SELECT COUNT(*)::int FROM unfunded_assessments) AS assessments,
             (SELECT AVG(score)::float8 FROM unfunded_assessments) AS avg,
             (SELECT COUNT(*)::int FROM enrollments e JOIN courses c ON c.id = e.course_id JOIN students st ON st.id = e.student_id
               WHERE st.grade_level = ${grade} AND c.subject::text = ${subject}
                 AND e.completed_at >= ${window.firstMonth} AND e.completed_at < ${monthAfter}
                 AND NOT EXISTS (SELECT 1 FROM funding_spell_definitions fs WHERE fs.student_id = e.student_id AND e.completed_at >= fs.starts_at AND e.completed_at < fs.ends_at)) AS completions,
             (SELECT COUNT(*)::int FROM enrollments e JOIN courses c ON c.id = e.course_id JOIN students st ON st.id = e.student_id
               WHERE st.grade_level = ${grade} AND c.subject::text = ${subject} AND e.completed_at IS NULL
                 AND NOT EXISTS (SELECT 1 FROM funding_spell_definitions fs WHERE fs.student_id = e.student_id AND now() >= fs.starts_at AND now() < fs.ends_at)) AS open`;
    expect(expected!.assessments).toBeGreaterThan(0);
    const comparison = await computePlatformComparison({ partnerId, window, gradeLevel: grade, subject });
    // Rounded to a tenth from a sum of floating-point scores, so within half a tenth.
    expect(Math.abs(comparison.platform_avg_score! - expected!.avg!)).toBeLessThanOrEqual(0.05 + 1e-9);
    const rate =
      expected!.completions + expected!.open === 0 ? 0 : round((100 * expected!.completions) / (expected!.completions + expected!.open));
    expect(comparison.platform_completion_rate).toBe(rate);
  });

  it("differs between grades: the filter is applied", async () => {
    const grades = await getDb().$queryRaw<Array<{ grade_level: number }>>`
      SELECT DISTINCT grade_level FROM partner_students WHERE partner_id = ${partnerId}::uuid ORDER BY 1`;
    const figures = await Promise.all(
      grades.map(({ grade_level }) => computePlatformComparison({ partnerId, window, gradeLevel: grade_level })),
    );
    expect(new Set(figures.map((figure) => figure.platform_avg_score)).size).toBeGreaterThan(1);
  });

  it("is the partner's own: a brand cannot ask", async () => {
    await expect(getStudentOutcomes({ actor: await actorByEmail("brand@demo.test"), period: "year", gradeLevel: grade })).rejects.toThrow();
  });
});
