"use server";

import { z } from "zod";
import { enforceRateLimit, userKey } from "@/lib/api/rate-limit";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { CORRECT_FIELDS, type ActionState } from "@/lib/forms/action-state";
import type { FieldErrors } from "@/lib/forms/field-errors";
import { generateReport } from "@/lib/sponsorship/generate-report";
import { dateParam } from "@/lib/schemas/dates";
import { REPORT_FORMATS, REPORT_TYPES } from "@/lib/sponsorship/schemas/reports";

const optionalDate = z.preprocess(
  (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined),
  dateParam.optional(),
);

const reportForm = z
  .object({
    type: z.enum(REPORT_TYPES, { error: "Choose a report type." }),
    format: z.enum(REPORT_FORMATS, { error: "Choose a format." }),
    start_date: optionalDate,
    end_date: optionalDate,
  })
  .superRefine((form, ctx) => {
    if (form.start_date && form.end_date && form.end_date < form.start_date) {
      ctx.addIssue({ code: "custom", path: ["end_date"], message: "The end date must not be before the start date." });
    }
  });

export interface GeneratedReportView {
  id: string;
  title: string;
  period: string;
  format: (typeof REPORT_FORMATS)[number];
  downloadUrl: string;
  generatedAt: string;
  expiresAt: string;
}

const FIELD_NAMES: Record<string, "type" | "format" | "start_date" | "end_date"> = {
  type: "type",
  format: "format",
  start_date: "start_date",
  end_date: "end_date",
  "query.start_date": "start_date",
  "query.end_date": "end_date",
};

/** Generates a report with the same service as GET /partner/reports/export and returns its download link. */
export async function generateReportAction(input: unknown): Promise<ActionState<GeneratedReportView>> {
  const actor = await requirePageActor(["partner"]);
  const parsed = reportForm.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = FIELD_NAMES[String(issue.path[0])];
      if (field && !fieldErrors[field]) {
        fieldErrors[field] =
          field === "type" || field === "format" || issue.message.startsWith("The end date") ? issue.message : "Enter a valid date.";
      }
    }
    return { status: "error", message: CORRECT_FIELDS, fieldErrors };
  }
  try {
    await enforceRateLimit(userKey(actor.id));
    const report = await generateReport({
      actor,
      type: parsed.data.type,
      format: parsed.data.format,
      startDate: parsed.data.start_date,
      endDate: parsed.data.end_date,
    });
    return {
      status: "success",
      result: {
        id: report.id,
        title: report.title,
        period: report.period,
        format: report.format,
        downloadUrl: report.downloadUrl,
        generatedAt: report.generatedAt.toISOString(),
        expiresAt: report.expiresAt.toISOString(),
      },
    };
  } catch (error) {
    if (error instanceof AppError) {
      const fieldErrors: FieldErrors = {};
      for (const issue of error.details?.fields ?? []) {
        const field = FIELD_NAMES[issue.path];
        if (field) fieldErrors[field] = issue.path.endsWith("start_date") ? "The start date must not be in the future." : issue.message;
      }
      return { status: "error", message: Object.keys(fieldErrors).length ? CORRECT_FIELDS : error.message, fieldErrors };
    }
    throw error;
  }
}
