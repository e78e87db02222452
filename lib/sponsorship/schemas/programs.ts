/** /partner/programs: list, create and detail. */
import { z } from "zod";
import { ProgramStatus } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { calendarDateText, dateParam, timestampText } from "../../schemas/dates";
import { enumValuesFirst } from "../../schemas/enums";
import { uuid } from "../../schemas/ids";
import { wholeAmount } from "../../schemas/money";
import { pageFields, paginationQuery } from "../../schemas/pagination";
import { programTargetItem } from "./program-targets";

export const PROGRAM_STATUSES = enumValuesFirst(ProgramStatus, ProgramStatus.active);

export const listProgramsQuery = z.object({ ...paginationQuery, status: z.enum(PROGRAM_STATUSES).optional() });

const programSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROGRAM_STATUSES),
  target_students: z.number().int(),
  enrolled_students: z.number().int(),
  budget: z.number(),
  spent: z.number(),
  currency: z.string(),
  courses: z.array(z.string()),
  start_date: calendarDateText,
  end_date: calendarDateText,
  created_at: timestampText,
});

export const listProgramsResponse = z.object({ programs: z.array(programSummary), ...pageFields });

export const eligibilitySchema = z
  .object({
    grade_levels: z.array(z.number().int().min(1).max(12)).max(12).optional(),
    counties: z.array(z.string().trim().min(1).max(100)).max(47).optional(),
    max_household_income: wholeAmount.optional().describe("Monthly household income limit, in whole KES whatever the program's currency"),
  })
  .strict();

export const createProgramBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(5000),
    target_students: z.number().int().positive().max(1_000_000),
    budget: wholeAmount,
    currency: currencyCode.default("KES"),
    course_ids: z.array(uuid).max(100).optional(),
    eligibility: eligibilitySchema.optional(),
    start_date: dateParam,
    end_date: dateParam,
  })
  .superRefine((body, ctx) => {
    if (body.end_date <= body.start_date) ctx.addIssue({ code: "custom", path: ["end_date"], message: "must be after start_date" });
  });

export const createProgramResponse = z.object({
  id: z.string(),
  name: z.string(),
  status: z.literal(ProgramStatus.planning),
  target_students: z.number().int(),
  budget: z.number(),
  created_at: timestampText,
  message: z.string(),
});

export const programOutcomesSchema = z
  .object({
    average_score: z.number().nullable().describe("Mean of the assessment scores participants earned while the program funded them"),
    completion_rate: z.number().describe("Of the enrolments in the program's courses the funding covered, the percentage completed"),
    certificates: z.number().int().describe("Certificates issued to participants while the program funded them"),
    average_score_improvement: z
      .number()
      .nullable()
      .describe(
        "Mean of recent average minus baseline (the 90 days before the program began funding the participant), in points; null when no participant has both",
      ),
    students_measured: z.number().int().describe("Participants in average_score_improvement"),
    students_not_measured: z
      .number()
      .int()
      .describe("Funded participants without a baseline or recent assessments, left out of average_score_improvement"),
  })
  .describe("The program's figures by the attribution rule: only what participants did while the program funded them, up to now");

export const programDetailResponse = programSummary.omit({ courses: true }).extend({
  remaining: z.number(),
  courses: z.array(z.object({ id: z.string(), title: z.string(), enrolled: z.number().int() })),
  participants: z.object({
    by_grade: z.record(z.string(), z.number().int()),
    by_county: z.record(z.string(), z.number().int()),
    average_score: z.number().nullable().describe("outcomes.average_score"),
    completion_rate: z.number().describe("outcomes.completion_rate"),
  }),
  outcomes: programOutcomesSchema,
  targets: z
    .array(programTargetItem)
    .describe("The partner's targets for the program, with progress (see PUT /partner/programs/{id}/targets)"),
  milestones: z.array(z.object({ date: calendarDateText, description: z.string() })),
  eligibility: eligibilitySchema.nullable(),
});
