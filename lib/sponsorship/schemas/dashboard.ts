/** GET /partner/dashboard/stats. */
import { z } from "zod";
import { timestampText } from "../../schemas/dates";
import { moneyFigures } from "./money-figures";

export const dashboardStatsResponse = z.object({
  stats: z.object({
    total_sponsorships: z.number().int(),
    active_sponsorships: z.number().int(),
    total_students_sponsored: z.number().int(),
    total_invested: z.number(),
    currency: z.string(),
    average_student_score_improvement: z.number(),
    courses_funded: z.number().int(),
    programs_active: z.number().int(),
  }),
  recent_milestones: z.array(
    z.object({
      student_id: z.string().describe("The student; the partner's page of them is /dashboard/students/{student_id}"),
      student_name: z.string(),
      milestone: z.string(),
      date: timestampText,
      sponsorship_id: z
        .string()
        .nullable()
        .describe("The sponsorship that funds the student; null when a program funds them instead (see program_id)"),
      program_id: z.string().nullable().describe("The program that funds the student when no sponsorship does; null otherwise"),
    }),
  ),
  payment_summary: z.object({
    total_paid: z.number(),
    pending_payments: z.number(),
    next_scheduled_payment: z
      .object({
        amount: z.number().describe("What the standing order charges, in whole units of `currency`"),
        currency: z.string().describe("The standing order's currency (ISO 4217)"),
        date: timestampText.describe("Its next due date (a UTC calendar date, at 00:00 UTC)"),
        description: z.string().describe("The standing order's description"),
      })
      .nullable()
      .describe(
        "The next run of the partner's active standing orders (the earliest next due date); null when none is active. Pending payments are in pending_payments, not here",
      ),
  }),
  impact_snapshot: z.object({
    students_improving: z.number().int(),
    students_stable: z.number().int().describe("Includes students_not_measured"),
    students_declining: z.number().int(),
    overall_completion_rate: z.number(),
    students_not_measured: z.number().int().describe("Students with no baseline or no recent assessments, shown as stable"),
  }),
  money: moneyFigures,
});
