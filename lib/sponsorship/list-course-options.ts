/** The courses a partner form offers (programs, sponsorships). */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnerOf } from "./partner-of";

export interface ListCourseOptionsOptions {
  actor: Actor;
}

export interface CourseOption {
  id: string;
  title: string;
  grade_level: number;
}

/** Published courses by grade, then title. */
export async function listCourseOptions(options: ListCourseOptionsOptions): Promise<CourseOption[]> {
  partnerOf(options.actor, "read");
  const courses = await getDb().course.findMany({
    where: { published: true },
    orderBy: [{ gradeLevel: "asc" }, { title: "asc" }],
    select: { id: true, title: true, gradeLevel: true },
  });
  return courses.map((course) => ({ id: course.id, title: course.title, grade_level: course.gradeLevel }));
}
