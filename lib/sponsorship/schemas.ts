/**
 * Request and response schemas of the partner dashboard API
 * (../shared/spec/partner-dashboard-api.md). Field names are snake_case as the spec
 * writes them; amounts are whole units of `currency` (KES by default).
 */
import { z } from "zod";
import { MAX_AMOUNT, withinYears, YEARS_MESSAGE } from "../api/bounds";
import { intParam, paginationQuery } from "../api/query-params";
import { normalizeKenyanPhone } from "./kenyan-phone";
import { PERIODS } from "./periods";

const uuid = z.uuid();
const isoDateTime = z.string().describe("ISO 8601 timestamp");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe("Calendar date, YYYY-MM-DD");
const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, "must be a 3-letter ISO 4217 code")
  .transform((value) => value.toUpperCase());

/** A calendar date given as YYYY-MM-DD (a full ISO timestamp is accepted and truncated). */
export const dateParam = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T.*)?$/, "must be a date in YYYY-MM-DD form")
  .transform((value, ctx) => {
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.slice(0, 10)) {
      ctx.addIssue({ code: "custom", message: "is not a valid calendar date", params: { type: "value_error.date" } });
      return z.NEVER;
    }
    if (!withinYears(date)) {
      ctx.addIssue({ code: "custom", message: YEARS_MESSAGE, params: { type: "value_error.date" } });
      return z.NEVER;
    }
    return date;
  });

export const paginationFields = {
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
};

export const moneyFigures = z
  .object({
    currency: z.string().describe("The partner's reporting currency"),
    paid_in: z.number().describe("Completed payments in the period, each converted at the rate recorded when it settled"),
    disbursed_to_sponsorships: z.number().describe("The part of the money paid in that was allocated to sponsorships in the period"),
    committed: z.number().describe("The amounts of the partner's sponsorships (not cancelled) whose dates overlap the period"),
    not_converted: z
      .array(z.object({ figure: z.enum(["paid_in", "disbursed_to_sponsorships", "committed"]), currency: z.string(), amount: z.number() }))
      .describe("Money in another currency with no recorded rate: never converted by guesswork, listed here instead of in the totals"),
  })
  .describe("The partner's money in three figures, each in the reporting currency");

// ─── Dashboard ────────────────────────────────────────────────────────────────

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
      student_name: z.string(),
      milestone: z.string(),
      date: isoDateTime,
      sponsorship_id: z.string().nullable().describe("The sponsorship that funds the student; null when a program funds them instead (see program_id)"),
      program_id: z.string().nullable().describe("The program that funds the student when no sponsorship does; null otherwise"),
    }),
  ),
  payment_summary: z.object({
    total_paid: z.number(),
    pending_payments: z.number(),
    next_scheduled_payment: z.object({ amount: z.number(), date: isoDateTime, description: z.string() }).nullable(),
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

// ─── Sponsorships ─────────────────────────────────────────────────────────────

export const SPONSORSHIP_TYPES = ["full_scholarship", "course_specific", "partial"] as const;
export const SPONSORSHIP_STATUSES = ["active", "pending", "completed", "cancelled"] as const;

export const listSponsorshipsQuery = z.object({
  ...paginationQuery,
  status: z.enum(SPONSORSHIP_STATUSES).optional(),
  sort_by: z
    .enum(["created_at", "student_name", "amount", "end_date"])
    .default("created_at")
    .describe("`student_name` orders by `student.name` exactly as returned, compared by Unicode code point (the \"C\" collation: capitals before small letters); ties in any order are broken by sponsorship `id` in the same direction"),
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
  amount_disbursed: z.number(),
  currency: z.string(),
  start_date: isoDateTime,
  end_date: isoDateTime,
  student_performance: studentPerformance,
  created_at: isoDateTime,
});

export const listSponsorshipsResponse = z.object({
  sponsorships: z.array(sponsorshipListItem),
  ...paginationFields,
  pages: z.number().int(),
});

export const createSponsorshipsBody = z
  .object({
    student_ids: z.array(uuid).min(1).max(500),
    type: z.enum(SPONSORSHIP_TYPES),
    course_ids: z.array(uuid).max(50).optional(),
    amount_per_student: z.number().int().positive().max(MAX_AMOUNT),
    currency: currency.default("KES"),
    start_date: dateParam,
    end_date: dateParam,
    notes: z.string().max(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.type === "course_specific" && !body.course_ids?.length) {
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
  status: z.literal("pending"),
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
      status: z.enum(["not_started", "in_progress", "completed", "dropped"]),
    }),
  ),
  financial: z.object({
    total_amount: z.number(),
    amount_disbursed: z.number(),
    amount_remaining: z.number(),
    currency: z.string(),
    disbursement_history: z.array(z.object({ date: isoDate, amount: z.number(), description: z.string() })),
  }),
  timeline: z.array(z.object({ date: isoDate, event: z.string() })),
  start_date: isoDateTime,
  end_date: isoDateTime,
  created_at: isoDateTime,
});

export const sponsoredStudentsQuery = z.object({
  ...paginationQuery,
  grade_level: intParam(1, 12).optional(),
  county: z.string().trim().min(1).max(100).optional(),
  performance: z.enum(["improving", "stable", "declining"]).optional(),
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
      performance_trend: z.enum(["improving", "stable", "declining"]),
      score_change: z.number().nullable(),
      ai_tutor_sessions: z.number().int(),
      last_active: isoDateTime.nullable(),
    }),
  ),
  ...paginationFields,
  pages: z.number().int(),
  aggregate: z.object({
    average_score_all: z.number().nullable(),
    improving_count: z.number().int(),
    stable_count: z.number().int().describe("Includes not_measured_count"),
    declining_count: z.number().int(),
    not_measured_count: z.number().int().describe("Students with no baseline or no recent assessments: their trend shows as stable and their score_change is null"),
  }),
});

// ─── Impact ───────────────────────────────────────────────────────────────────

export const periodQuery = z.object({ period: z.enum(PERIODS).default("year") });

const periodBounds = {
  period_start: isoDate.describe("First day the figures cover (UTC)"),
  period_end: isoDate.describe("Last day the figures cover (UTC); only records up to its end count"),
};

export const matchedComparisonSchema = z
  .object({
    available: z.boolean(),
    reason: z.string().nullable().describe("Why there is no figure, when the matched groups are too small"),
    before: z.object({ from: isoDate, to: isoDate }),
    after: z.object({ from: isoDate, to: isoDate }),
    sponsored_students: z.number().int().describe("Sponsored students in matched groups"),
    control_students: z.number().int().describe("Unfunded students in the same matched groups"),
    unmatched_sponsored_students: z.number().int(),
    sponsored_change: z.number().nullable(),
    control_change: z.number().nullable(),
    difference: z.number().nullable().describe("Sponsored change minus control change, in points, weighted by sponsored students per group"),
    ci95: z.tuple([z.number(), z.number()]).nullable().describe("95% confidence interval of the difference"),
  })
  .describe("Sponsored students against unfunded students of the same grade, county and starting band, over the same two three-month windows");

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
  comparison_to_platform: z.object({
    sponsored_avg_score: z.number().nullable(),
    platform_avg_score: z.number().nullable(),
    sponsored_completion_rate: z.number(),
    platform_completion_rate: z.number(),
  }),
  matched_comparison: matchedComparisonSchema,
  roi_metrics: z.object({
    cost_per_student: z.number(),
    cost_per_course_completion: z.number(),
    cost_per_certificate: z.number(),
  }),
  money: moneyFigures,
});

export const SUBJECT_NAMES = ["Mathematics", "Science", "English", "Kiswahili", "ICT", "Social Studies"] as const;

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
    .describe("Kenyan CBC bands of each student's average: EE exceeding expectations (80–100), ME meeting (65–79), AE approaching (50–64), BE below (under 50)"),
  by_subject: z.array(z.object({ subject: z.string(), avg_score: z.number().nullable(), completion_rate: z.number() })),
  score_trend: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), avg_score: z.number() })),
});

export const REPORT_FORMATS = ["json", "pdf", "csv"] as const;
export const REPORT_TYPES = ["impact", "financial", "student_outcomes"] as const;

const reportRange = {
  start_date: dateParam.optional(),
  end_date: dateParam.optional(),
};

function checkRange(body: { start_date?: Date; end_date?: Date }, ctx: z.RefinementCtx) {
  if (body.start_date && body.end_date && body.end_date < body.start_date) {
    ctx.addIssue({ code: "custom", path: ["end_date"], message: "must not be before start_date" });
  }
}

export const impactReportQuery = z.object({ format: z.enum(REPORT_FORMATS).default("json"), ...reportRange }).superRefine(checkRange);

export const impactReportResponse = z.object({
  report: z.object({
    id: z.string(),
    title: z.string(),
    period: z.string(),
    generated_at: isoDateTime,
    download_url: z.string(),
    summary: z.object({
      students_reached: z.number().int(),
      investment: z.number(),
      completion_rate: z.number(),
      avg_score_improvement: z.number(),
    }),
  }),
});

export const exportReportQuery = z
  .object({ format: z.enum(REPORT_FORMATS).default("pdf"), report_type: z.enum(REPORT_TYPES).default("impact"), ...reportRange })
  .superRefine(checkRange);

export const exportReportResponse = z.object({
  report_id: z.string(),
  report_type: z.enum(REPORT_TYPES),
  format: z.enum(REPORT_FORMATS),
  download_url: z.string(),
  generated_at: isoDateTime,
  expires_at: isoDateTime,
  message: z.string(),
});

// ─── Programs ─────────────────────────────────────────────────────────────────

export const PROGRAM_STATUSES = ["active", "planning", "completed", "paused"] as const;

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
  start_date: isoDate,
  end_date: isoDate,
  created_at: isoDateTime,
});

export const listProgramsResponse = z.object({ programs: z.array(programSummary), ...paginationFields, pages: z.number().int() });

export const eligibilitySchema = z
  .object({
    grade_levels: z.array(z.number().int().min(1).max(12)).max(12).optional(),
    counties: z.array(z.string().trim().min(1).max(100)).max(47).optional(),
    max_household_income: z.number().int().positive().max(MAX_AMOUNT).optional().describe("Monthly household income limit, in whole KES whatever the program's currency"),
  })
  .strict();

export const createProgramBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(5000),
    target_students: z.number().int().positive().max(1_000_000),
    budget: z.number().int().positive().max(MAX_AMOUNT),
    currency: currency.default("KES"),
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
  status: z.literal("planning"),
  target_students: z.number().int(),
  budget: z.number(),
  created_at: isoDateTime,
  message: z.string(),
});

export const PROGRAM_TARGET_METRICS = ["score_improvement", "completion_rate", "certificates"] as const;

/** The largest target each metric accepts (points, percent, certificates). */
const TARGET_LIMITS = { score_improvement: 100, completion_rate: 100, certificates: 1_000_000 } as const;

export const programTargetsBody = z
  .object({
    targets: z
      .array(
        z.object({
          metric: z.enum(PROGRAM_TARGET_METRICS),
          target: z.number().positive().describe("Points of average score improvement (up to 100), a completion rate in percent (up to 100), or a whole number of certificates"),
        }),
      )
      .max(PROGRAM_TARGET_METRICS.length)
      .describe("The program's targets: the whole set, replacing the previous one (an empty list removes them all)"),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.targets.forEach((item, index) => {
      if (seen.has(item.metric)) ctx.addIssue({ code: "custom", path: ["targets", index, "metric"], message: `is given twice: ${item.metric}` });
      seen.add(item.metric);
      if (item.target > TARGET_LIMITS[item.metric]) {
        ctx.addIssue({ code: "custom", path: ["targets", index, "target"], message: `must be at most ${TARGET_LIMITS[item.metric]} for ${item.metric}` });
      }
      if (item.metric === "certificates" && !Number.isInteger(item.target)) {
        ctx.addIssue({ code: "custom", path: ["targets", index, "target"], message: "must be a whole number of certificates" });
      }
    });
  });

export const programOutcomesSchema = z
  .object({
    average_score: z.number().nullable().describe("Mean of the assessment scores participants earned while the program funded them"),
    completion_rate: z.number().describe("Of the enrolments in the program's courses the funding covered, the percentage completed"),
    certificates: z.number().int().describe("Certificates issued to participants while the program funded them"),
    average_score_improvement: z.number().nullable().describe("Mean of recent average minus baseline (the 90 days before the program began funding the participant), in points; null when no participant has both"),
    students_measured: z.number().int().describe("Participants in average_score_improvement"),
    students_not_measured: z.number().int().describe("Funded participants without a baseline or recent assessments, left out of average_score_improvement"),
  })
  .describe("The program's figures by the attribution rule: only what participants did while the program funded them, up to now");

export const programTargetItem = z.object({
  metric: z.enum(PROGRAM_TARGET_METRICS),
  target: z.number(),
  actual: z.number().nullable().describe("The figure now: outcomes.average_score_improvement, outcomes.completion_rate or outcomes.certificates"),
  progress: z.number().nullable().describe("actual as a percentage of target (may exceed 100); null while actual is"),
  met: z.boolean(),
});

export const programTargetsResponse = z.object({ targets: z.array(programTargetItem) });

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
  targets: z.array(programTargetItem).describe("The partner's targets for the program, with progress (see PUT /partner/programs/{id}/targets)"),
  milestones: z.array(z.object({ date: isoDate, description: z.string() })),
  eligibility: eligibilitySchema.nullable(),
});

// ─── Payments ─────────────────────────────────────────────────────────────────

export const PAYMENT_METHODS = ["mpesa", "bank_transfer", "paypal", "stripe"] as const;
export const PAYMENT_STATUSES = ["completed", "pending", "failed", "refunded"] as const;
export const INVOICE_STATUSES = ["draft", "sent", "paid", "overdue"] as const;

export const listPaymentsQuery = z
  .object({
    ...paginationQuery,
    status: z.enum(PAYMENT_STATUSES).optional(),
    method: z.enum(PAYMENT_METHODS).optional(),
    ...reportRange,
  })
  .superRefine(checkRange);

export const paymentItem = z.object({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  description: z.string().nullable(),
  reference: z.string().describe("The reference to find the payment by: for a bank transfer, the partner's own `bank_reference` when they gave one; otherwise `payment_reference`"),
  payment_reference: z.string().describe("Our reference for the payment (e.g. BT_20260201_A1B2C3), always present; quote it on a bank transfer made without a bank_reference"),
  receipt: z.string().nullable().describe("The provider's receipt for the money once it is reported: the M-Pesa receipt number, or the Stripe charge id"),
  sandbox: z.boolean().describe("Made through a sandbox provider: no real money moved"),
  program_id: z.string().nullable(),
  sponsorship_ids: z.array(z.string()),
  created_at: isoDateTime,
  completed_at: isoDateTime.nullable(),
});

export const listPaymentsResponse = z.object({
  payments: z.array(paymentItem),
  ...paginationFields,
  pages: z.number().int(),
  summary: z
    .object({ total_paid: z.number(), this_month: z.number(), pending: z.number() })
    .describe("In the partner's reporting currency: total_paid and this_month are paid in (completed payments at their recorded rates); pending counts only pending payments already in that currency"),
});

export const listInvoicesQuery = z.object({ ...paginationQuery, status: z.enum(INVOICE_STATUSES).optional() });

export const listInvoicesResponse = z.object({
  invoices: z.array(
    z.object({
      id: z.string(),
      invoice_number: z.string(),
      amount: z.number(),
      currency: z.string(),
      status: z.enum(INVOICE_STATUSES),
      description: z.string().nullable(),
      program: z.string().nullable(),
      issued_date: isoDate,
      due_date: isoDate,
      paid_date: isoDate.nullable(),
      download_url: z.string(),
    }),
  ),
  ...paginationFields,
  pages: z.number().int(),
});


export const createPaymentBody = z
  .object({
    amount: z.number().int().positive().max(MAX_AMOUNT),
    currency: currency.default("KES"),
    method: z.enum(PAYMENT_METHODS),
    program_id: uuid.optional(),
    sponsorship_ids: z.array(uuid).min(1).max(500).optional(),
    description: z.string().trim().max(500).optional(),
    bank_reference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("Bank transfers: the reference of a transfer already made, if any. Without it, the response says where to send the money and which reference to quote"),
    phone_number: z
      .string()
      .trim()
      .max(20)
      .optional()
      .transform((value) => (value ? (normalizeKenyanPhone(value) ?? value) : value))
      .describe("M-Pesa only: the Safaricom number to prompt, as 0712345678, 712345678, 254712345678 or +254712345678 (answered in +254 form)"),
  })
  .superRefine((body, ctx) => {
    if (body.method === "mpesa" && !normalizeKenyanPhone(body.phone_number ?? "")) {
      ctx.addIssue({ code: "custom", path: ["phone_number"], message: "must be a Safaricom mobile number such as 0712345678 for M-Pesa" });
    }
    if (body.method === "mpesa" && body.currency !== "KES") {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "M-Pesa payments are in KES" });
    }
  });

export const createPaymentResponse = z.object({
  id: z.string(),
  amount: z.number(),
  currency: z.string(),
  method: z.enum(PAYMENT_METHODS),
  status: z.literal("pending"),
  reference: z.string().describe("As in the payment list: the partner's bank_reference for a bank transfer that gave one, otherwise payment_reference"),
  payment_reference: z.string().describe("Our reference for the payment"),
  invoice_id: z.string(),
  created_at: isoDateTime,
  message: z.string(),
  bank_transfer: z
    .object({
      reference_to_quote: z.string().describe("Quote this on the transfer so it can be matched to the payment"),
      bank_name: z.string(),
      account_name: z.string(),
      account_number: z.string(),
      branch: z.string().nullable(),
      swift_code: z.string().nullable(),
      sandbox: z.boolean().describe("Demo details shown where no bank account is configured: send no money to them"),
    })
    .nullable()
    .optional()
    .describe("Bank transfers only: where to send the money (null when no account is configured on this server)"),
  checkout_request_id: z.string().optional().describe("M-Pesa only: the CheckoutRequestID of the prompt sent to the phone"),
  sandbox: z.boolean().describe("True when a sandbox provider handles the payment: no real money moves, and the partner answers a simulated prompt (M-Pesa) with POST /api/v1/partner/payments/{id}/sandbox-prompt"),
  client_secret: z
    .string()
    .optional()
    .describe("Card payments when the server has Stripe keys: the PaymentIntent's client secret, for Stripe.js to collect the card. The payment completes when Stripe reports the charge succeeded."),
});

/** POST /api/v1/admin/payments/{id}/verify: an admin confirms or rejects a pending payment. */
/** A positive decimal of up to ten places, as text (numbers are written out, never in exponent form). */
export const exchangeRateInput = z
  .union([z.number().positive().max(1_000_000), z.string().trim().regex(/^\d{1,7}(\.\d{1,10})?$/, "must be a positive decimal of up to ten places")])
  .transform((value) => (typeof value === "number" ? value.toFixed(10).replace(/\.?0+$/, "") : value))
  .refine((value) => Number(value) > 0, "must be greater than 0");

export const verifyPaymentBody = z.object({
  status: z.enum(["completed", "failed"]),
  reason: z.string().trim().max(500).optional(),
  exchange_rate: exchangeRateInput
    .optional()
    .describe("Units of the partner's reporting currency (KES unless set otherwise) per unit of the payment's currency, as received. Required to complete a payment in another currency; refused for one in the reporting currency"),
});
