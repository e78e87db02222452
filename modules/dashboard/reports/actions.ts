"use server";

import { z } from "zod";
import { enforceRateLimit, userKey } from "@/lib/api/rate-limit";
import { requirePageActor } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { generateReport } from "@/lib/sponsorship/generate-report";
import { dateParam, REPORT_FORMATS, REPORT_TYPES } from "@/lib/sponsorship/schemas";

const optionalDate = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined), dateParam.optional());

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

export type ReportField = "type" | "format" | "start_date" | "end_date";

export interface GeneratedReportView {
  id: string;
  title: string;
  period: string;
  format: (typeof REPORT_FORMATS)[number];
  downloadUrl: string;
  generatedAt: string;
  expiresAt: string;
}

export interface ReportFormState {
  ok: boolean;
  message?: string;
  fieldErrors?: Partial<Record<ReportField, string>>;
  values?: Partial<Record<ReportField, string>>;
  report?: GeneratedReportView;
}

const FIELD_NAMES: Record<string, ReportField> = {
  type: "type",
  format: "format",
  start_date: "start_date",
  end_date: "end_date",
  "query.start_date": "start_date",
  "query.end_date": "end_date",
};

/** Generates a report with the same service as GET /partner/reports/export and returns its download link. */
export async function generateReportAction(_previous: ReportFormState | null, form: FormData): Promise<ReportFormState> {
  const actor = await requirePageActor(["partner"]);
  const values: Partial<Record<ReportField, string>> = {};
  for (const key of ["type", "format", "start_date", "end_date"] as const) {
    const value = form.get(key);
    if (typeof value === "string") values[key] = value;
  }
  const parsed = reportForm.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<ReportField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = FIELD_NAMES[String(issue.path[0])];
      if (field && !fieldErrors[field]) {
        fieldErrors[field] = field === "type" || field === "format" || issue.message.startsWith("The end date") ? issue.message : "Enter a valid date.";
      }
    }
    return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };
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
      ok: true,
      values,
      report: {
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
      const fieldErrors: Partial<Record<ReportField, string>> = {};
      for (const issue of error.details?.fields ?? []) {
        const field = FIELD_NAMES[issue.path];
        if (field) fieldErrors[field] = issue.path.endsWith("start_date") ? "The start date must not be in the future." : issue.message;
      }
      const message = Object.keys(fieldErrors).length ? "Please correct the highlighted fields." : error.message;
      return { ok: false, message, fieldErrors, values };
    }
    throw error;
  }
}
