/** The partner's sponsored students as /dashboard/students shows them (same filters and search, every page) in one CSV file. */
import type { Actor } from "../auth/actor";
import { csvDocument } from "../csv";
import type { CsvFile } from "../http/csv-download";
import { EXPORT_MAX_ROWS, searchTerm } from "../schemas/search";
import { listSponsoredStudents } from "./list-sponsored-students";
import { sponsoredStudentsQuery } from "./schemas/students";

export const STUDENT_CSV_COLUMNS = [
  "student_id",
  "student",
  "grade_level",
  "county",
  "school",
  "sponsorship_type",
  "courses_enrolled",
  "courses_completed",
  "average_score",
  "performance_trend",
  "score_change",
  "ai_tutor_sessions",
  "last_active",
] as const;

/** `params`: the page's query string (`grade` is read as `grade_level`); filters that cannot be read fall back to the defaults, as on the page. */
export async function studentsCsv(options: { actor: Actor; params: URLSearchParams }): Promise<CsvFile> {
  const flat = Object.fromEntries(
    [...options.params].filter(([, value]) => value !== "").map(([key, value]) => [key === "grade" ? "grade_level" : key, value]),
  );
  const parsed = sponsoredStudentsQuery.safeParse(flat);
  const query = parsed.success ? parsed.data : sponsoredStudentsQuery.parse({});
  const result = await listSponsoredStudents({
    actor: options.actor,
    page: 1,
    limit: EXPORT_MAX_ROWS,
    gradeLevel: query.grade_level,
    county: query.county,
    performance: query.performance,
    q: searchTerm(flat.q),
  });
  const rows = result.students.map((student) => [
    student.id,
    student.name,
    student.grade_level,
    student.county,
    student.school,
    student.sponsorship_type,
    student.courses_enrolled,
    student.courses_completed,
    student.average_score,
    student.performance_trend,
    student.score_change,
    student.ai_tutor_sessions,
    student.last_active,
  ]);
  return { name: "students", csv: csvDocument(STUDENT_CSV_COLUMNS, rows), capped: result.total > EXPORT_MAX_ROWS };
}
