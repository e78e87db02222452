/**
 * The grades and subjects the impact filters offer: only those the partner's own students
 * have (grades they were in while funded, subjects they were assessed or enrolled in), so no
 * choice leads to an empty page. Read from the per-partner summaries, not the raw records.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnerOf } from "./partner-of";

export async function listImpactFilterValues(options: { actor: Actor }): Promise<{ grades: number[]; subjects: string[] }> {
  const partnerId = partnerOf(options.actor, "read");
  const db = getDb();
  const [grades, subjects] = await Promise.all([
    db.$queryRaw<Array<{ grade_level: number }>>`
      SELECT DISTINCT grade_level FROM partner_students
       WHERE partner_id = ${partnerId}::uuid AND grade_level IS NOT NULL ORDER BY grade_level`,
    db.$queryRaw<Array<{ subject: string }>>`
      SELECT DISTINCT subject FROM partner_subject_months
       WHERE partner_id = ${partnerId}::uuid AND (assessments > 0 OR enrolments > 0) ORDER BY subject`,
  ]);
  return { grades: grades.map((row) => Number(row.grade_level)), subjects: subjects.map((row) => row.subject) };
}
