/** The period a report covers, and the names it goes by: its title and its file name. */
import { AppError } from "../errors";
import { daysWindow, isoDay, periodWindow, windowBounds, type Window } from "./metrics";
import type { ReportType } from "./report-documents";
import type { REPORT_FORMATS } from "./schemas/reports";

export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DAY_MS = 86_400_000;

const TYPE_TITLES: Record<ReportType, string> = {
  impact: "Impact Report",
  financial: "Financial Report",
  student_outcomes: "Student Outcomes Report",
};

/** The calendar days a report covers and the window its figures are computed over. */
export interface ReportPeriod {
  start: string;
  end: string;
  window: Window;
}

/**
 * Start and end are whole UTC days, both included. Without dates the report covers the
 * same months as GET /partner/impact?period=year (this month and the eleven before);
 * with only an end date, the twelve months ending that day; with only a start date, up
 * to today. Figures use only records up to the end, so a report for a past period is
 * the same whenever it is generated.
 */
export function resolvePeriod(options: { startDate?: Date; endDate?: Date; now: Date }): ReportPeriod {
  const { startDate, endDate, now } = options;
  let window: Window;
  if (!startDate && !endDate) {
    window = periodWindow("year", now, null);
  } else {
    let from = startDate;
    if (!from) {
      from = new Date(endDate!);
      from.setUTCFullYear(from.getUTCFullYear() - 1);
      from = new Date(from.getTime() + DAY_MS);
    }
    const end = endDate ?? new Date(`${isoDay(now)}T00:00:00Z`);
    if (end < from) {
      throw new AppError("validation_failed", "Invalid input: query.start_date: must not be after today when end_date is omitted", {
        fields: [{ path: "query.start_date", message: "must not be after today when end_date is omitted", type: "value_error" }],
      });
    }
    window = daysWindow(from, end, now);
  }
  const bounds = windowBounds(window);
  return { start: bounds.period_start, end: bounds.period_end, window };
}

/** "Q4 2025 Impact Report" for exactly a calendar quarter, else "Impact Report 2025-10-01 to 2025-12-31". */
export function reportTitle(type: ReportType, period: { start: string; end: string }): string {
  const [year, month, dayOfMonth] = period.start.split("-").map(Number);
  if (dayOfMonth === 1 && (month - 1) % 3 === 0) {
    const quarterEnd = isoDay(new Date(Date.UTC(year, month + 2, 0)));
    if (period.end === quarterEnd) return `Q${(month + 2) / 3} ${year} ${TYPE_TITLES[type]}`;
  }
  return `${TYPE_TITLES[type]} ${period.start} to ${period.end}`;
}

export function reportFilename(report: {
  type: ReportType;
  format: ReportFormat;
  periodStart: Date | null;
  periodEnd: Date | null;
}): string {
  const base = `${report.type.replace(/_/g, "-")}-report`;
  const period = report.periodStart && report.periodEnd ? `-${isoDay(report.periodStart)}-to-${isoDay(report.periodEnd)}` : "";
  return `${base}${period}.${report.format}`;
}
