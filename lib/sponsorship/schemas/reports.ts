/** GET /partner/impact/reports and GET /partner/reports/export. */
import { z } from "zod";
import { ReportFormat, ReportType } from "../../generated/prisma/enums";
import { timestampText } from "../../schemas/dates";
import { enumValues } from "../../schemas/enums";
import { checkDateRange, dateRange } from "./date-range";

export const REPORT_FORMATS = enumValues(ReportFormat);
export const REPORT_TYPES = enumValues(ReportType);

export const impactReportQuery = z.object({ format: z.enum(REPORT_FORMATS).default("json"), ...dateRange }).superRefine(checkDateRange);

export const impactReportResponse = z.object({
  report: z.object({
    id: z.string(),
    title: z.string(),
    period: z.string(),
    generated_at: timestampText,
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
  .object({ format: z.enum(REPORT_FORMATS).default("pdf"), report_type: z.enum(REPORT_TYPES).default("impact"), ...dateRange })
  .superRefine(checkDateRange);

export const exportReportResponse = z.object({
  report_id: z.string(),
  report_type: z.enum(REPORT_TYPES),
  format: z.enum(REPORT_FORMATS),
  download_url: z.string(),
  generated_at: timestampText,
  expires_at: timestampText,
  message: z.string(),
});
