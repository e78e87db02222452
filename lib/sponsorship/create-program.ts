/** POST /partner/programs: a new program in `planning`, with its courses and eligibility. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { AppError } from "../errors";
import { toMinor } from "../money";
import { invalidatePartnerMetrics } from "./metric-cache";
import { partnerOf } from "./partner-of";
import type { createProgramBody, createProgramResponse } from "./schemas/programs";

export interface CreateProgramOptions {
  actor: Actor;
  body: z.output<typeof createProgramBody>;
}

type Response = z.infer<typeof createProgramResponse>;

export async function createProgram(options: CreateProgramOptions): Promise<Response> {
  const partnerId = partnerOf(options.actor, "work");
  const { body } = options;
  const courseIds = [...new Set(body.course_ids ?? [])];

  const program = await getDb().$transaction(async (tx) => {
    await invalidatePartnerMetrics(tx, partnerId);
    if (courseIds.length) {
      const found = await tx.course.findMany({ where: { id: { in: courseIds } }, select: { id: true } });
      const known = new Set(found.map((course) => course.id));
      const unknown = courseIds.filter((id) => !known.has(id));
      if (unknown.length) {
        throw new AppError("validation_failed", `Unknown course ids: ${unknown.join(", ")}`, {
          fields: [{ path: "body.course_ids", message: `unknown course ids: ${unknown.join(", ")}`, type: "value_error" }],
        });
      }
    }
    return tx.program.create({
      data: {
        partnerId,
        name: body.name,
        description: body.description,
        status: "planning",
        targetStudents: body.target_students,
        budgetMinor: toMinor(body.budget),
        currency: body.currency,
        // Stored as the API gives it (max_household_income in KES major units).
        eligibility: body.eligibility ? (body.eligibility as Prisma.InputJsonValue) : Prisma.DbNull,
        startDate: body.start_date,
        endDate: body.end_date,
        courses: { createMany: { data: courseIds.map((courseId) => ({ courseId })) } },
      },
    });
  });

  return {
    id: program.id,
    name: program.name,
    status: "planning",
    target_students: program.targetStudents,
    budget: body.budget,
    created_at: program.createdAt.toISOString(),
    message: "Program created successfully. Student enrollment can begin after payment.",
  };
}
