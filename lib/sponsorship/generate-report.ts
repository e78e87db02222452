/**
 * Partner reports (GET /partner/impact/reports and GET /partner/reports/export): gathers
 * the figures for a date range, renders the file and stores it in `reports` for 24 hours,
 * for the download route (get-report-download.ts) to serve back.
 */
import crypto from "node:crypto";
import pLimit from "p-limit";
import { enforceRateLimit } from "../api/rate-limit";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { toMajor } from "../money";
import { computeImpact } from "./compute-impact";
import { computeStudentOutcomes } from "./compute-student-outcomes";
import { isoDay, type Window } from "./metrics";
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
import { reportTitle, resolvePeriod, type ReportFormat, type ReportPeriod } from "./report-period";
import { shareableStudents } from "./shareable-names";
import { sponsoredStudentRows } from "./sponsored-students";

const VALID_FOR_MS = 24 * 60 * 60 * 1000;

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
  json: "application/json",
};

const downloadUrl = (id: string) => `/api/v1/partner/reports/${id}/download`;

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
function reportsPerMinute(): number {
  const configured = Number(process.env.REPORTS_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 5;
}

// Rendering is CPU-bound: a few at a time per process, so one partner's exports cannot starve everyone else's requests.
const rendering = pLimit(2);

type StoredReport = {
  id: string;
  title: string;
  type: ReportType;
  format: ReportFormat;
  periodStart: Date | null;
  periodEnd: Date | null;
  summary: unknown;
  generatedAt: Date;
  expiresAt: Date;
};
const storedSelect = {
  id: true,
  title: true,
  type: true,
  format: true,
  periodStart: true,
  periodEnd: true,
  summary: true,
  generatedAt: true,
  expiresAt: true,
} as const;

function asGenerated(report: StoredReport): GeneratedReport {
  return {
    id: report.id,
    type: report.type,
    format: report.format,
    title: report.title,
    period: `${isoDay(report.periodStart!)} to ${isoDay(report.periodEnd!)}`,
    generatedAt: report.generatedAt,
    expiresAt: report.expiresAt,
    downloadUrl: downloadUrl(report.id),
    summary: report.summary as ReportSummary,
  };
}

/**
 * The key of a report request: the same partner, type, format and period over the same
 * data (no partner write since, by the partner's metric generation) is the same report.
 * Recording or withdrawing a full-name consent is such a write (record-student-consent.ts),
 * so a report asked for after it names the students afresh.
 */
async function requestKeyOf(partnerId: string, type: ReportType, format: ReportFormat, period: ReportPeriod): Promise<string> {
  const [row] = await getDb().$queryRaw<Array<{ generation: bigint | null }>>`
    SELECT generation FROM metric_generations WHERE partner_id = ${partnerId}::uuid`;
  const generation = String(row?.generation ?? 0);
  return crypto
    .createHash("sha256")
    .update(JSON.stringify([partnerId, type, format, period.start, period.end, generation]))
    .digest("hex");
}

export interface GenerateReportOptions {
  actor: Actor;
  type: ReportType;
  format: ReportFormat;
  startDate?: Date;
  endDate?: Date;
  now?: Date;
}

/**
 * Generates a report, or returns the stored one when the same report was asked for and
 * is still valid: GET /impact/reports and GET /reports/export stay safe to repeat, and
 * only new reports count against REPORTS_PER_MINUTE (429 with Retry-After beyond it).
 */
export async function generateReport(options: GenerateReportOptions): Promise<GeneratedReport> {
  const partnerId = partnerOf(options.actor, "read");
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
    perStudent ? sponsoredStudentRows({ partnerId, window }).then((rows) => shareableStudents(partnerId, rows)) : [],
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
    if (isUniqueViolation(error)) {
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
