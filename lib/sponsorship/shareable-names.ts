/**
 * How what a partner shares (reports) names a student: first name and initial
 * ("Wanjiru K."), unless the partner recorded the guardian's consent to show the full
 * name. Without it the school is left out too: an initial with the school can identify a child.
 */
import { getDb } from "../db";
import type { ReportStudent } from "./report-documents";
import type { SponsoredStudentRow } from "./sponsored-students";

/** First name and the last name's initial, as the milestone feed and reports show an unconsented student. */
export function initialName(firstName: string, lastName: string): string {
  return lastName ? `${firstName} ${lastName.charAt(0)}.` : firstName;
}

/** The partner's students as its reports may name them, in the order given. */
export async function shareableStudents(partnerId: string, students: SponsoredStudentRow[]): Promise<ReportStudent[]> {
  if (students.length === 0) return [];
  // One pass over the partner's students: their names and whether the partner holds the consent.
  const rows = await getDb().$queryRaw<Array<{ id: string; first_name: string; last_name: string; consented: boolean }>>`
    SELECT s.id::text, s.first_name, s.last_name, (c.student_id IS NOT NULL) AS consented
      FROM partner_students ps
      JOIN students s ON s.id = ps.student_id
      LEFT JOIN student_consents c ON c.organization_id = ps.partner_id AND c.student_id = ps.student_id AND c.kind = 'full_name'
     WHERE ps.partner_id = ${partnerId}::uuid`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return students.map((student) => {
    const names = byId.get(student.id);
    if (names?.consented) return { ...student, name_shown: "full_name" as const };
    const name = names ? initialName(names.first_name, names.last_name) : initialName(...splitName(student.name));
    return { ...student, name, school: null, name_shown: "first_name_and_initial" as const };
  });
}

/** A listed name's first and last parts, for a student the summaries do not hold yet. */
function splitName(name: string): [string, string] {
  const space = name.indexOf(" ");
  return space < 0 ? [name, ""] : [name.slice(0, space), name.slice(space + 1)];
}
