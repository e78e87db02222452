/**
 * Partner reports (GET /partner/impact/reports, GET /partner/reports/export and the
 * download route): gathers the figures for a date range, renders the file, stores it in
 * `reports` for 24 hours, and serves it back to the partner that generated it only.
 */
import crypto from "node:crypto";
import pLimit from "p-limit";
import { enforceRateLimit } from "../api/rate-limit";
import type { Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { getDb, plainRows, Prisma } from "../db";
import { isUuid } from "../ids";
import { toMajor } from "../money";
import { computeImpact } from "./impact";
import { daysWindow, periodWindow, windowBounds, type Window } from "./metrics";
import { partnerOf } from "./partner-of";
import {
  renderReportCsv,
  renderReportJson,
  renderReportPdf,
  type ReportData,
  type ReportPayment,
  type ReportSummary,
  type ReportType,
} from "./report-documents";
import type { REPORT_FORMATS } from "./schemas";
import { sponsoredStudentRows } from "./sponsored-students";
import { computeStudentOutcomes } from "./student-outcomes";

export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DAY_MS = 86_400_000;
const VALID_FOR_MS = 24 * 60 * 60 * 1000;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

const TYPE_TITLES: Record<ReportType, string> = { impact: "Impact Report", financial: "Financial Report", student_outcomes: "Student Outcomes Report" };

/** The calendar days a report covers and the window its figures are computed over. */
export interface ReportPeriod {
  start: string;
  end: string;
  window: Window;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

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
    const end = endDate ?? new Date(`${day(now)}T00:00:00Z`);
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
    const quarterEnd = day(new Date(Date.UTC(year, month + 2, 0)));
    if (period.end === quarterEnd) return `Q${(month + 2) / 3} ${year} ${TYPE_TITLES[type]}`;
  }
  return `${TYPE_TITLES[type]} ${period.start} to ${period.end}`;
}

export function reportFilename(report: { type: ReportType; format: ReportFormat; periodStart: Date | null; periodEnd: Date | null }): string {
  const base = `${report.type.replace(/_/g, "-")}-report`;
  const period = report.periodStart && report.periodEnd ? `-${day(report.periodStart)}-to-${day(report.periodEnd)}` : "";
  return `${base}${period}.${report.format}`;
}

export const downloadUrl = (id: string) => `/api/v1/partner/reports/${id}/download`;

async function partnerPayments(partnerId: string, window: Window): Promise<ReportPayment[]> {
  const rows = await getDb().$queryRaw<
    Array<{
      id: string;
      reference: string;
      created_at: Date;
      completed_at: Date | null;
      method: string;
      status: string;
      amount_minor: bigint;
      currency: string;
      description: string | null;
      program: string | null;
    }>
  >(Prisma.sql`
    SELECT p.id::text, p.reference, p.created_at, p.completed_at, p.method::text, p.status::text,
           p.amount_minor, p.currency, p.description, pr.name AS program
      FROM payments p LEFT JOIN programs pr ON pr.id = p.program_id
     WHERE p.partner_id = ${partnerId}::uuid AND p.created_at >= ${window.from} AND p.created_at < ${window.until}
     ORDER BY p.created_at, p.reference`);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    created_at: r.created_at.toISOString(),
    completed_at: r.completed_at?.toISOString() ?? null,
    method: r.method,
    status: r.status,
    amount: toMajor(r.amount_minor),
    currency: r.currency.trim(),
    description: r.description,
    program: r.program,
  }));
}

export interface GeneratedReport {
  id: string;
  type: ReportType;
  format: ReportFormat;
  title: string;
  /** "YYYY-MM-DD to YYYY-MM-DD". */
  period: string;
  generatedAt: Date;
  expiresAt: Date;
  downloadUrl: string;
  summary: ReportSummary;
}

/** Reports a partner may have generated per minute (repeats of a stored report do not count). */
export function reportsPerMinute(): number {
  const configured = Number(process.env.REPORTS_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 5;
}

// Rendering is CPU-bound: a few at a time per process, so one partner's exports cannot starve everyone else's requests.
const rendering = pLimit(2);

type StoredReport = { id: string; title: string; type: ReportType; format: ReportFormat; periodStart: Date | null; periodEnd: Date | null; summary: unknown; generatedAt: Date; expiresAt: Date };
const storedSelect = { id: true, title: true, type: true, format: true, periodStart: true, periodEnd: true, summary: true, generatedAt: true, expiresAt: true } as const;

function asGenerated(report: StoredReport): GeneratedReport {
  return {
    id: report.id,
    type: report.type,
    format: report.format,
    title: report.title,
    period: `${day(report.periodStart!)} to ${day(report.periodEnd!)}`,
    generatedAt: report.generatedAt,
    expiresAt: report.expiresAt,
    downloadUrl: downloadUrl(report.id),
    summary: report.summary as ReportSummary,
  };
}

/**
 * The key of a report request: the same partner, type, format and period over the same
 * data (no partner write since, by the partner's metric generation) is the same report.
 */
async function requestKeyOf(partnerId: string, type: ReportType, format: ReportFormat, period: ReportPeriod): Promise<string> {
  const [row] = await getDb().$queryRaw<Array<{ generation: bigint | null }>>`
    SELECT generation FROM metric_generations WHERE partner_id = ${partnerId}::uuid`;
  const generation = String(row?.generation ?? 0);
  return crypto.createHash("sha256").update(JSON.stringify([partnerId, type, format, period.start, period.end, generation])).digest("hex");
}

/**
 * Generates a report, or returns the stored one when the same report was asked for and
 * is still valid: GET /impact/reports and GET /reports/export stay safe to repeat, and
 * only new reports count against REPORTS_PER_MINUTE (429 with Retry-After beyond it).
 */
export async function generateReport(options: {
  actor: Actor;
  type: ReportType;
  format: ReportFormat;
  startDate?: Date;
  endDate?: Date;
  now?: Date;
}): Promise<GeneratedReport> {
  const partnerId = partnerOf(options.actor);
  const now = options.now ?? new Date();
  const period = resolvePeriod({ startDate: options.startDate, endDate: options.endDate, now });
  const db = getDb();
  await purgeExpiredReports(now);
  const requestKey = await requestKeyOf(partnerId, options.type, options.format, period);
  const stored = await db.report.findFirst({ where: { requestKey, partnerId, expiresAt: { gt: now } }, select: storedSelect });
  if (stored) return asGenerated(stored);
  await enforceRateLimit(`reports:${partnerId}`, {
    limit: reportsPerMinute(),
    now,
    message: (seconds) => `Report limit exceeded: at most ${reportsPerMinute()} new reports a minute. Retry after ${seconds} seconds.`,
  });
  return rendering(() => renderAndStore({ ...options, partnerId, now, period, requestKey }));
}

async function renderAndStore(options: {
  actor: Actor;
  partnerId: string;
  type: ReportType;
  format: ReportFormat;
  now: Date;
  period: ReportPeriod;
  requestKey: string;
}): Promise<GeneratedReport> {
  const { partnerId, now, period, requestKey } = options;
  const { window } = period;
  const perStudent = options.type !== "financial";
  const db = getDb();

  const [partner, impact, outcomes, students, payments] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: partnerId }, select: { name: true } }),
    computeImpact({ partnerId, window }),
    perStudent ? computeStudentOutcomes({ partnerId, window }) : null,
    perStudent ? sponsoredStudentRows({ partnerId, window }) : [],
    perStudent ? [] : partnerPayments(partnerId, window),
  ]);

  const summary: ReportSummary = {
    students_reached: impact.students_reached,
    investment: impact.total_investment,
    completion_rate: impact.outcomes.course_completion_rate,
    avg_score_improvement: impact.outcomes.average_score_improvement,
  };
  const data: ReportData = {
    type: options.type,
    title: reportTitle(options.type, period),
    partnerName: partner.name,
    periodStart: period.start,
    periodEnd: period.end,
    generatedAt: now,
    currency: impact.currency,
    summary,
    impact,
    outcomes,
    students,
    payments,
  };
  const content =
    options.format === "pdf"
      ? await renderReportPdf(data)
      : Buffer.from(options.format === "csv" ? renderReportCsv(data) : renderReportJson(data), "utf8");

  // An expired report keeps answering 410 for a while; it gives up its key to the new one.
  await db.report.updateMany({ where: { requestKey, expiresAt: { lte: now } }, data: { requestKey: null } });
  try {
    const report = await db.report.create({
      data: {
        partnerId,
        createdById: options.actor.id,
        type: options.type,
        format: options.format,
        title: data.title,
        periodStart: new Date(`${period.start}T00:00:00Z`),
        periodEnd: new Date(`${period.end}T00:00:00Z`),
        summary: { ...summary },
        content: new Uint8Array(content),
        contentType: CONTENT_TYPES[options.format],
        byteSize: content.byteLength,
        generatedAt: now,
        expiresAt: new Date(now.getTime() + VALID_FOR_MS),
        requestKey,
      },
      select: storedSelect,
    });
    return asGenerated(report);
  } catch (error) {
    // The same report was generated concurrently: answer with the one that was stored.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return asGenerated(await db.report.findFirstOrThrow({ where: { requestKey }, select: storedSelect }));
    }
    throw error;
  }
}

/** An expired report still answers 410 Gone for this long; then its file is deleted. */
export const EXPIRED_REPORT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** Deletes reports expired longer than the retention, a bounded batch at a time. */
async function purgeExpiredReports(now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - EXPIRED_REPORT_RETENTION_MS);
  await getDb().$executeRaw`
    DELETE FROM reports WHERE id IN (SELECT id FROM reports WHERE expires_at < ${cutoff}::timestamptz ORDER BY expires_at LIMIT 500)`;
}

export interface ReportDownload {
  content: Uint8Array;
  contentType: string;
  filename: string;
}

/** The stored file, for the partner that generated it only (anyone else gets 404); 410 once expired. */
export async function getReportDownload(options: { actor: Actor; reportId: string; now?: Date }): Promise<ReportDownload> {
  const partnerId = partnerOf(options.actor);
  if (!isUuid(options.reportId)) throw notFound("Report");
  const report = await getDb().report.findFirst({
    where: { id: options.reportId, partnerId },
    select: { type: true, format: true, periodStart: true, periodEnd: true, contentType: true, expiresAt: true },
  });
  if (!report) throw notFound("Report");
  if (report.expiresAt <= (options.now ?? new Date())) throw new AppError("gone", "Report expired");
  // Files run to megabytes: read as plain bytes, not through the query engine's value conversion (a tenth of a second for a large PDF).
  const [file] = await plainRows<{ content: Uint8Array }>(Prisma.sql`SELECT content FROM reports WHERE id = ${options.reportId}::uuid`);
  if (!file) throw notFound("Report");
  return { content: file.content, contentType: report.contentType, filename: reportFilename(report) };
}
