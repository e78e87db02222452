/** Choices the partner forms offer: courses, counties, the partner's programs and unpaid sponsorships. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { partnerOf } from "./partner-of";

export interface CourseOption {
  id: string;
  title: string;
  grade_level: number;
}

/** Published courses by grade, then title. */
export async function listCourseOptions(options: { actor: Actor }): Promise<CourseOption[]> {
  partnerOf(options.actor);
  const courses = await getDb().course.findMany({
    where: { published: true },
    orderBy: [{ gradeLevel: "asc" }, { title: "asc" }],
    select: { id: true, title: true, gradeLevel: true },
  });
  return courses.map((course) => ({ id: course.id, title: course.title, grade_level: course.gradeLevel }));
}

/** Every county by name (program eligibility may name a county with no students yet). */
export async function listCountyNames(options: { actor: Actor }): Promise<string[]> {
  partnerOf(options.actor);
  const counties = await getDb().county.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return counties.map((county) => county.name);
}

/** The partner's programs, newest first. */
export async function listProgramOptions(options: { actor: Actor }): Promise<Array<{ id: string; name: string }>> {
  const partnerId = partnerOf(options.actor);
  return getDb().program.findMany({ where: { partnerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, name: true } });
}

export interface UnpaidSponsorshipOption {
  id: string;
  student_name: string;
  amount: number;
  currency: string;
}

export const UNPAID_SPONSORSHIP_LIMIT = 100;

/** The partner's pending sponsorships (waiting for a payment), newest first. */
export async function listUnpaidSponsorships(options: { actor: Actor }): Promise<UnpaidSponsorshipOption[]> {
  const partnerId = partnerOf(options.actor);
  const rows = await getDb().sponsorship.findMany({
    where: { partnerId, status: "pending" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: UNPAID_SPONSORSHIP_LIMIT,
    select: { id: true, amountMinor: true, currency: true, student: { select: { firstName: true, lastName: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    student_name: `${row.student.firstName} ${row.student.lastName}`,
    amount: toMajor(row.amountMinor),
    currency: row.currency,
  }));
}
