/** GET /partner/programs/{id}: one program with its courses, participants, outcomes, targets and milestones. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { toMajor } from "../money";
import { computeProgramOutcomes } from "./compute-program-outcomes";
import { isoDay } from "./metrics";
import { partnerOf } from "./partner-of";
import { programSpending } from "./program-spending";
import { eligibilitySchema, type programDetailResponse } from "./schemas/programs";
import { targetProgress } from "./target-progress";

type ProgramDetail = z.infer<typeof programDetailResponse>;

export interface GetProgramOptions {
  actor: Actor;
  programId: string;
  now?: Date;
}

export async function getProgram(options: GetProgramOptions): Promise<ProgramDetail> {
  const partnerId = partnerOf(options.actor, "read");
  const db = getDb();
  const program = await findOrNotFound("Program", options.programId, (id) =>
    db.program.findFirst({
      where: { id, partnerId },
      include: {
        courses: { include: { course: { select: { id: true, title: true } } } },
        milestones: { orderBy: [{ occurredAt: "asc" }, { id: "asc" }] },
      },
    }),
  );

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
    computeProgramOutcomes(db, program, options.now ?? new Date()),
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
    milestones: program.milestones.map((milestone) => ({ date: isoDay(milestone.occurredAt), description: milestone.description })),
    eligibility: eligibility.success ? eligibility.data : null,
    start_date: isoDay(program.startDate),
    end_date: isoDay(program.endDate),
    created_at: program.createdAt.toISOString(),
  };
}
