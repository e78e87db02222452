/** GET /partner/programs/{id}: one program with its courses, participants, outcomes, targets and milestones. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { toMajor } from "../money";
import { isoDate, programSpending } from "./list-programs";
import { partnerOf } from "./partner-of";
import { programOutcomes } from "./program-outcomes";
import { targetProgress } from "./program-targets";
import { eligibilitySchema, type programDetailResponse } from "./schemas";

type ProgramDetail = z.infer<typeof programDetailResponse>;

export async function getProgram(options: { actor: Actor; programId: string; now?: Date }): Promise<ProgramDetail> {
  const partnerId = partnerOf(options.actor);
  const { programId } = options;
  if (!isUuid(programId)) throw notFound("Program");
  const db = getDb();
  const program = await db.program.findFirst({
    where: { id: programId, partnerId },
    include: {
      courses: { include: { course: { select: { id: true, title: true } } } },
      milestones: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!program) throw notFound("Program");

  const [spent, byGrade, byCounty, outcomes, targets, courseEnrolment, enrolled] = await Promise.all([
    programSpending(db, [program.id]),
    db.$queryRaw<Array<{ grade: number; n: bigint }>>`
      SELECT s.grade_level AS grade, COUNT(*)::bigint AS n
      FROM program_participants pp JOIN students s ON s.id = pp.student_id
      WHERE pp.program_id = ${program.id}::uuid GROUP BY s.grade_level ORDER BY s.grade_level`,
    db.$queryRaw<Array<{ county: string; n: bigint }>>`
      SELECT c.name AS county, COUNT(*)::bigint AS n
      FROM program_participants pp JOIN students s ON s.id = pp.student_id JOIN counties c ON c.id = s.county_id
      WHERE pp.program_id = ${program.id}::uuid GROUP BY c.name ORDER BY c.name`,
    programOutcomes(db, program, options.now ?? new Date()),
    db.programTarget.findMany({ where: { programId: program.id }, select: { metric: true, target: true } }),
    db.$queryRaw<Array<{ course_id: string; n: bigint }>>`
      SELECT e.course_id::text AS course_id, COUNT(*)::bigint AS n
      FROM enrollments e
      JOIN program_participants pp ON pp.student_id = e.student_id AND pp.program_id = ${program.id}::uuid
      JOIN program_courses pc ON pc.course_id = e.course_id AND pc.program_id = pp.program_id
      GROUP BY e.course_id`,
    db.programParticipant.count({ where: { programId: program.id } }),
  ]);

  const spentMinor = spent.get(program.id) ?? 0n;
  const enrolledIn = new Map(courseEnrolment.map((row) => [row.course_id, Number(row.n)]));
  const eligibility = eligibilitySchema.safeParse(program.eligibility);

  return {
    id: program.id,
    name: program.name,
    description: program.description,
    status: program.status,
    target_students: program.targetStudents,
    enrolled_students: enrolled,
    budget: toMajor(program.budgetMinor),
    spent: toMajor(spentMinor),
    remaining: toMajor(program.budgetMinor - spentMinor),
    currency: program.currency,
    courses: program.courses
      .map(({ course }) => ({ id: course.id, title: course.title, enrolled: enrolledIn.get(course.id) ?? 0 }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    participants: {
      by_grade: Object.fromEntries(byGrade.map((row) => [String(row.grade), Number(row.n)])),
      by_county: Object.fromEntries(byCounty.map((row) => [row.county, Number(row.n)])),
      average_score: outcomes.average_score,
      completion_rate: outcomes.completion_rate,
    },
    outcomes,
    targets: targetProgress(targets, outcomes),
    milestones: program.milestones.map((milestone) => ({ date: isoDate(milestone.occurredAt), description: milestone.description })),
    eligibility: eligibility.success ? eligibility.data : null,
    start_date: isoDate(program.startDate),
    end_date: isoDate(program.endDate),
    created_at: program.createdAt.toISOString(),
  };
}
