/** GET /partner/sponsored-students. */
import { z } from "zod";
import { intParam } from "../../api/query-params";
import { timestampText } from "../../schemas/dates";
import { pageFields, paginationQuery } from "../../schemas/pagination";
import { SPONSORSHIP_TYPES } from "./sponsorships";

const PERFORMANCE_TRENDS = ["improving", "stable", "declining"] as const;

export const sponsoredStudentsQuery = z.object({
  ...paginationQuery,
  grade_level: intParam(1, 12).optional(),
  county: z.string().trim().min(1).max(100).optional(),
  performance: z.enum(PERFORMANCE_TRENDS).optional(),
});

export const sponsoredStudentsResponse = z.object({
  students: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      grade_level: z.number().int(),
      county: z.string(),
      school: z.string(),
      sponsorship_type: z.enum([...SPONSORSHIP_TYPES, "program"]),
      courses_enrolled: z.number().int(),
      courses_completed: z.number().int(),
      average_score: z.number().nullable(),
      performance_trend: z.enum(PERFORMANCE_TRENDS),
      score_change: z.number().nullable(),
      ai_tutor_sessions: z.number().int(),
      last_active: timestampText.nullable(),
    }),
  ),
  ...pageFields,
  aggregate: z.object({
    average_score_all: z.number().nullable(),
    improving_count: z.number().int(),
    stable_count: z.number().int().describe("Includes not_measured_count"),
    declining_count: z.number().int(),
    not_measured_count: z
      .number()
      .int()
      .describe("Students with no baseline or no recent assessments: their trend shows as stable and their score_change is null"),
  }),
});
