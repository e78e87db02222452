/** The filter choices of the "New sponsorship" student picker. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnerOf } from "./partner-of";

export interface StudentFilterOptions {
  grades: number[];
  counties: Array<{ id: string; name: string }>;
  /** Schools with students, in the chosen county when there is one. */
  schools: Array<{ id: string; name: string; county_id: string }>;
}

export interface ListStudentFilterOptionsOptions {
  actor: Actor;
  /** Only the schools of this county. */
  countyId?: string;
}

/** Grades, counties and schools that have at least one student, alphabetically. */
export async function listStudentFilterOptions(options: ListStudentFilterOptionsOptions): Promise<StudentFilterOptions> {
  partnerOf(options.actor, "read");
  const db = getDb();
  const [grades, counties, schools] = await Promise.all([
    db.student.groupBy({ by: ["gradeLevel"], orderBy: { gradeLevel: "asc" } }),
    db.county.findMany({ where: { students: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.school.findMany({
      where: { students: { some: {} }, ...(options.countyId ? { countyId: options.countyId } : {}) },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, countyId: true },
    }),
  ]);
  return {
    grades: grades.map((row) => row.gradeLevel),
    counties,
    schools: schools.map((school) => ({ id: school.id, name: school.name, county_id: school.countyId })),
  };
}
