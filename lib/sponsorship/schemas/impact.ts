/** /partner/impact and /partner/impact/student-outcomes. */
import { z } from "zod";
import { Subject } from "../../generated/prisma/enums";
import { intParam } from "../../api/query-params";
import { calendarDateText } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { PERIODS } from "../periods";
import { moneyFigures } from "./money-figures";

export const periodQuery = z.object({ period: z.enum(PERIODS).default("year") });

const periodBounds = {
  period_start: calendarDateText.describe("First day the figures cover (UTC)"),
  period_end: calendarDateText.describe("Last day the figures cover (UTC); only records up to its end count"),
};

export const matchedComparisonSchema = z
  .object({
    available: z.boolean(),
    reason: z.string().nullable().describe("Why there is no figure, when the matched groups are too small"),
    before: z.object({ from: calendarDateText, to: calendarDateText }),
    after: z.object({ from: calendarDateText, to: calendarDateText }),
    sponsored_students: z.number().int().describe("Sponsored students in matched groups"),
    control_students: z.number().int().describe("Unfunded students in the same matched groups"),
    unmatched_sponsored_students: z.number().int(),
    sponsored_change: z.number().nullable(),
    control_change: z.number().nullable(),
    difference: z
      .number()
      .nullable()
      .describe("Sponsored change minus control change, in points, weighted by sponsored students per group"),
    ci95: z.tuple([z.number(), z.number()]).nullable().describe("95% confidence interval of the difference"),
  })
  .describe(
    "Sponsored students against unfunded students of the same grade, county and starting band, over the same two three-month windows",
  );

/** The comparison with unfunded outcomes: of all the partner's students in the impact figures, of the filtered ones in the student outcomes. */
export const platformComparison = z
  .object({
    sponsored_avg_score: z.number().nullable(),
    platform_avg_score: z.number().nullable(),
    sponsored_completion_rate: z.number(),
    platform_completion_rate: z.number(),
  })
  .describe(
    "Your students against outcomes no partner funded, over the period's months: the average assessment score, and the course completion rate (completions over completions plus enrolments still open at the period's end). An outcome is yours if it happened while you funded the student; unfunded if no partner did.",
  );

export const impactResponse = z.object({
  period: z.enum(PERIODS),
  ...periodBounds,
  students_reached: z.number().int(),
  courses_funded: z.number().int(),
  total_investment: z.number().describe("Money paid in during the period (money.paid_in)"),
  currency: z.string(),
  outcomes: z.object({
    average_score_improvement: z.number(),
    students_measured: z.number().int().describe("Students with both a baseline and recent assessments: the average improvement is theirs"),
    students_without_baseline: z.number().int().describe("Students reached with no assessments in the 90 days before funding began"),
    students_without_recent_assessments: z.number().int(),
    course_completion_rate: z.number(),
    students_advancing_grade: z.number().int(),
    certificates_earned: z.number().int(),
    ai_tutor_sessions: z.number().int(),
  }),
  comparison_to_platform: platformComparison,
  matched_comparison: matchedComparisonSchema,
  roi_metrics: z.object({
    cost_per_student: z.number(),
    cost_per_course_completion: z.number(),
    cost_per_certificate: z.number(),
  }),
  money: moneyFigures,
});

/** A subject as the database labels it (`Social_Studies` is "Social Studies"), which is how the API names it. */
type SubjectName<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head} ${SubjectName<Tail>}` : S;

const subjectName = <S extends Subject>(subject: S) => subject.replaceAll("_", " ") as SubjectName<S>;

export const SUBJECT_NAMES: readonly SubjectName<Subject>[] = enumValues(Subject).map(subjectName);

export const studentOutcomesQuery = periodQuery.extend({
  grade_level: intParam(1, 12).optional(),
  subject: z.enum(SUBJECT_NAMES).optional(),
});

const band = z.object({ count: z.number().int(), avg_score: z.number().nullable(), percent: z.number() });

export const studentOutcomesResponse = z.object({
  period: z.enum(PERIODS),
  ...periodBounds,
  total_students: z.number().int(),
  by_performance: z.object({ excellent: band, good: band, needs_improvement: band, at_risk: band }),
  by_cbc_band: z
    .object({ EE: band, ME: band, AE: band, BE: band })
    .describe(
      "Kenyan CBC bands of each student's average: EE exceeding expectations (80–100), ME meeting (65–79), AE approaching (50–64), BE below (under 50)",
    ),
  by_subject: z.array(z.object({ subject: z.string(), avg_score: z.number().nullable(), completion_rate: z.number() })),
  score_trend: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), avg_score: z.number() })),
  comparison_to_platform: platformComparison.describe(
    "As in GET /partner/impact, for the grade and subject asked for: your students in the grade against every unfunded student in it, in the subject. A grade is the student's grade now.",
  ),
});
