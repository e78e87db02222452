/** /partner/sponsorships: list, create and detail. */
import { z } from "zod";
import { EnrollmentStatus, SponsorshipStatus, SponsorshipType } from "../../generated/prisma/enums";
import { currencyCode } from "../../schemas/currency";
import { calendarDateText, dateParam, timestampText } from "../../schemas/dates";
import { enumValues, enumValuesFirst } from "../../schemas/enums";
import { uuid } from "../../schemas/ids";
import { wholeAmount } from "../../schemas/money";
import { pageFields, paginationQuery } from "../../schemas/pagination";

export const SPONSORSHIP_TYPES = enumValues(SponsorshipType);
export const SPONSORSHIP_STATUSES = enumValuesFirst(SponsorshipStatus, SponsorshipStatus.active);

export const listSponsorshipsQuery = z.object({
  ...paginationQuery,
  status: z.enum(SPONSORSHIP_STATUSES).optional(),
  sort_by: z
    .enum(["created_at", "student_name", "amount", "end_date"])
    .default("created_at")
    .describe(
      '`student_name` orders by `student.name` exactly as returned, compared by Unicode code point (the "C" collation: capitals before small letters); ties in any order are broken by sponsorship `id` in the same direction',
    ),
  sort_order: z.enum(["asc", "desc"]).default("desc"),
});

const studentPerformance = z.object({
  average_score: z.number().nullable(),
  courses_completed: z.number().int(),
  courses_in_progress: z.number().int(),
});

export const sponsorshipListItem = z.object({
  id: z.string(),
  student: z.object({ id: z.string(), name: z.string(), grade_level: z.number().int(), school: z.string(), county: z.string() }),
  type: z.enum(SPONSORSHIP_TYPES),
  status: z.enum(SPONSORSHIP_STATUSES),
  courses_covered: z.array(z.string()),
  total_amount: z.number(),
  amount_disbursed: z
    .number()
    .describe(
      "Money disbursed to the sponsorship so far: the monthly periods that have started, of what payments paid in. Money paid in for periods still to come is committed, not disbursed",
    ),
  currency: z.string(),
  start_date: timestampText,
  end_date: timestampText,
  student_performance: studentPerformance,
  created_at: timestampText,
});

export const listSponsorshipsResponse = z.object({
  sponsorships: z.array(sponsorshipListItem),
  ...pageFields,
});

export const createSponsorshipsBody = z
  .object({
    student_ids: z.array(uuid).min(1).max(500),
    type: z.enum(SPONSORSHIP_TYPES),
    course_ids: z.array(uuid).max(50).optional(),
    amount_per_student: wholeAmount,
    currency: currencyCode.default("KES"),
    start_date: dateParam,
    end_date: dateParam,
    notes: z.string().max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.type === SponsorshipType.course_specific && !body.course_ids?.length) {
      ctx.addIssue({ code: "custom", path: ["course_ids"], message: "is required for course_specific sponsorships" });
    }
    if (body.end_date <= body.start_date) {
      ctx.addIssue({ code: "custom", path: ["end_date"], message: "must be after start_date" });
    }
    if (new Set(body.student_ids).size !== body.student_ids.length) {
      ctx.addIssue({ code: "custom", path: ["student_ids"], message: "must not repeat a student" });
    }
  });

export const createSponsorshipsResponse = z.object({
  sponsorships_created: z.number().int(),
  sponsorship_ids: z.array(z.string()),
  total_amount: z.number(),
  currency: z.string(),
  status: z.literal(SponsorshipStatus.pending),
  message: z.string(),
});

export const sponsorshipDetailResponse = z.object({
  id: z.string(),
  student: z.object({ id: z.string(), name: z.string(), grade_level: z.number().int(), avatar_url: z.string().nullable() }),
  type: z.enum(SPONSORSHIP_TYPES),
  status: z.enum(SPONSORSHIP_STATUSES),
  courses: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      progress_percent: z.number().int(),
      current_score: z.number().nullable(),
      status: z.enum(["not_started", ...enumValues(EnrollmentStatus)]),
    }),
  ),
  financial: z
    .object({
      total_amount: z.number().describe("The sponsorship's whole amount, split into equal monthly periods from start_date to end_date"),
      amount_paid_in: z.number().describe("What completed payments have given the sponsorship, for any of its periods"),
      amount_disbursed: z
        .number()
        .describe("Of amount_paid_in, the money for periods that have started: a period's money is disbursed when the period starts"),
      amount_committed: z
        .number()
        .describe("Of amount_paid_in, the money held for periods still to come (amount_paid_in − amount_disbursed)"),
      amount_remaining: z.number().describe("What is still to be disbursed: total_amount − amount_disbursed"),
      amount_unpaid: z.number().describe("What no payment has given yet: total_amount − amount_paid_in"),
      currency: z.string(),
      disbursement_history: z
        .array(
          z.object({
            date: calendarDateText.describe("When the money is disbursed: the period's start, or when the payment came if later"),
            amount: z.number(),
            description: z.string(),
            period_start: calendarDateText.describe("The first day of the monthly period the money is for"),
            status: z
              .enum(["disbursed", "scheduled"])
              .describe("`disbursed` once the period has started; `scheduled` for money paid in for a period still to come"),
          }),
        )
        .describe("Each payment's money for each period, in date order"),
    })
    .describe("In the sponsorship's currency"),
  timeline: z.array(z.object({ date: calendarDateText, event: z.string() })),
  start_date: timestampText,
  end_date: timestampText,
  created_at: timestampText,
});
