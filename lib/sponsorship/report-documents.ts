/**
 * Renders partner reports (impact, financial, student outcomes) as PDF, CSV or JSON from
 * plain data. No database access here: `generate-report.ts` gathers the figures. For the
 * same input the bytes are identical (the PDF's dates come from `generatedAt` and only
 * the built-in fonts are used), so a stored report can be re-rendered and compared.
 *
 * CSV columns (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a
 * comma, quote or line break, quotes doubled; amounts in major units of `currency`):
 * - impact, student_outcomes: one row per sponsored student, STUDENT_CSV_COLUMNS.
 * - financial: one row per payment created in the period, PAYMENT_CSV_COLUMNS.
 * Students are named by first name and initial, without their school, unless the partner
 * recorded their guardian's consent to show the full name (STUDENT_NAMES_NOTE says so in
 * every report; the `name_shown` column and field say which applies to each row).
 * Text fields that start with = + - @ or a tab are prefixed with ' so spreadsheet apps do
 * not run them as formulas (names and descriptions are user-entered).
 */
import type { z } from "zod";
import {
  axisMax,
  barChart,
  COLORS,
  dataTable,
  documentDefinition,
  figureTiles,
  lineChart,
  note,
  renderPdf,
  section,
  SIZES,
  title,
  type Content,
} from "../documents";
import { humanize } from "../humanize";
import { csvDocument } from "../csv";
import { formatMoney } from "../format";
import type { ImpactFigures } from "./compute-impact";
import { bandFor } from "./metrics";
import type { REPORT_TYPES } from "./schemas/reports";
import type { studentOutcomesResponse } from "./schemas/impact";

export type ReportType = (typeof REPORT_TYPES)[number];
export type OutcomeFigures = Omit<z.infer<typeof studentOutcomesResponse>, "period">;

export interface ReportStudent {
  id: string;
  /** The full name with the guardian's consent, otherwise first name and initial ("Wanjiru K."). */
  name: string;
  name_shown: "full_name" | "first_name_and_initial";
  grade_level: number;
  county: string;
  /** Null without the consent: an initial with the school could still identify a child. */
  school: string | null;
  sponsorship_type: string;
  courses_enrolled: number;
  courses_completed: number;
  average_score: number | null;
  performance_trend: "improving" | "stable" | "declining";
  score_change: number | null;
  ai_tutor_sessions: number;
  last_active: string | null;
}

export interface ReportPayment {
  id: string;
  reference: string;
  created_at: string;
  completed_at: string | null;
  method: string;
  status: string;
  /** Major units of `currency`. */
  amount: number;
  currency: string;
  description: string | null;
  program: string | null;
}

/** The figures stored with the report and returned by GET /partner/impact/reports. */
export interface ReportSummary {
  students_reached: number;
  investment: number;
  completion_rate: number;
  avg_score_improvement: number;
}

export interface ReportData {
  type: ReportType;
  title: string;
  partnerName: string;
  /** Inclusive calendar days, YYYY-MM-DD. */
  periodStart: string;
  periodEnd: string;
  generatedAt: Date;
  currency: string;
  summary: ReportSummary;
  impact: ImpactFigures;
  /** Impact and student outcome reports. */
  outcomes: OutcomeFigures | null;
  /** Impact and student outcome reports: every sponsored student. */
  students: ReportStudent[];
  /** Financial reports: the payments created in the period. */
  payments: ReportPayment[];
}

// ─── CSV ──────────────────────────────────────────────────────────────────────

export const STUDENT_CSV_COLUMNS = [
  "student_id",
  "name",
  "grade_level",
  "county",
  "school",
  "sponsorship_type",
  "courses_enrolled",
  "courses_completed",
  "average_score",
  "performance_band",
  "performance_trend",
  "score_change",
  "ai_tutor_sessions",
  "last_active",
  "name_shown",
] as const;

/** The one line each report carries about how it names students. */
export const STUDENT_NAMES_NOTE =
  "Students are named by first name and initial, without their school, unless their guardian consented to this partner showing their full name.";

export const PAYMENT_CSV_COLUMNS = [
  "payment_id",
  "reference",
  "created_at",
  "completed_at",
  "method",
  "status",
  "amount",
  "currency",
  "description",
  "program",
] as const;

type Cell = string | number | null;

/** A text cell; lib/csv.ts neutralises spreadsheet formulas (CWE-1236) in every text cell. */
const text = (value: string | null): Cell => value;

function csv(columns: readonly string[], rows: Cell[][]): string {
  return csvDocument(columns, rows);
}

export function renderReportCsv(data: ReportData): string {
  if (data.type === "financial") {
    return csv(
      PAYMENT_CSV_COLUMNS,
      data.payments.map((p) => [
        p.id,
        text(p.reference),
        p.created_at,
        p.completed_at,
        p.method,
        p.status,
        p.amount.toFixed(2),
        p.currency,
        text(p.description),
        text(p.program),
      ]),
    );
  }
  return csv(
    STUDENT_CSV_COLUMNS,
    data.students.map((s) => [
      s.id,
      text(s.name),
      s.grade_level,
      text(s.county),
      text(s.school),
      s.sponsorship_type,
      s.courses_enrolled,
      s.courses_completed,
      s.average_score,
      s.average_score === null ? null : bandFor(s.average_score),
      s.performance_trend,
      s.score_change,
      s.ai_tutor_sessions,
      s.last_active,
      s.name_shown,
    ]),
  );
}

// ─── JSON ─────────────────────────────────────────────────────────────────────

export function renderReportJson(data: ReportData): string {
  const document = {
    report: {
      title: data.title,
      type: data.type,
      partner: data.partnerName,
      period: { start_date: data.periodStart, end_date: data.periodEnd },
      generated_at: data.generatedAt.toISOString(),
      currency: data.currency,
      ...(data.type === "financial" ? {} : { student_names: STUDENT_NAMES_NOTE }),
    },
    summary: data.summary,
    impact: data.impact,
    ...(data.type === "financial" ? { payments: data.payments } : { student_outcomes: data.outcomes, students: data.students }),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

// ─── PDF ──────────────────────────────────────────────────────────────────────

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TYPE_LABELS: Record<ReportType, string> = {
  impact: "Impact report",
  financial: "Financial report",
  student_outcomes: "Student outcomes report",
};
const NONE_IN_PERIOD = "None in this period.";

function num(value: number | null, digits = 1): string {
  return value === null ? "-" : value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

function signed(value: number | null): string {
  return value === null ? "-" : `${value > 0 ? "+" : ""}${num(value)}`;
}

function monthLabel(month: string): string {
  const [year, m] = month.split("-");
  return `${MONTHS[Number(m) - 1]} ${year.slice(2)}`;
}

function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

function compact(value: number): string {
  if (value >= 1_000_000) return `${num(value / 1_000_000)}M`;
  if (value >= 1_000) return `${num(value / 1_000)}k`;
  return num(value);
}

const wholeNumber = (value: number) => num(value, 0);

function summaryFigures(data: ReportData): Array<[string, string]> {
  const { impact, summary, currency } = data;
  const money = (v: number) => formatMoney(v, currency);
  const base: Array<[string, string]> = [
    ["Students reached", num(summary.students_reached, 0)],
    ["Paid in", money(summary.investment)],
    ["Completion rate", `${num(summary.completion_rate)}%`],
    ["Avg score improvement", `${signed(summary.avg_score_improvement)} pts`],
  ];
  if (data.type === "financial") {
    const byStatus = (status: string) =>
      data.payments.filter((p) => p.status === status && p.currency === currency).reduce((s, p) => s + p.amount, 0);
    return [
      ...base,
      ["Payments", num(data.payments.length, 0)],
      ["Pending", money(byStatus("pending"))],
      ["Refunded", money(byStatus("refunded"))],
      ["Cost per student", money(impact.roi_metrics.cost_per_student)],
    ];
  }
  if (data.type === "student_outcomes" && data.outcomes) {
    const trend = data.outcomes.score_trend;
    return [
      ...base,
      ["Students assessed", num(data.outcomes.total_students, 0)],
      ["Latest monthly average", trend.length ? num(trend[trend.length - 1].avg_score) : "-"],
      ["Sponsored avg score", num(impact.comparison_to_platform.sponsored_avg_score)],
      ["Platform avg score", num(impact.comparison_to_platform.platform_avg_score)],
    ];
  }
  return [
    ...base,
    ["Courses funded", num(impact.courses_funded, 0)],
    ["Certificates earned", num(impact.outcomes.certificates_earned, 0)],
    ["AI tutor sessions", num(impact.outcomes.ai_tutor_sessions, 0)],
    ["Students advancing grade", num(impact.outcomes.students_advancing_grade, 0)],
    ["Cost per student", money(impact.roi_metrics.cost_per_student)],
    ["Cost per completion", money(impact.roi_metrics.cost_per_course_completion)],
    ["Cost per certificate", money(impact.roi_metrics.cost_per_certificate)],
    [
      "Sponsored vs platform score",
      `${num(impact.comparison_to_platform.sponsored_avg_score)} / ${num(impact.comparison_to_platform.platform_avg_score)}`,
    ],
  ];
}

function outcomesSections(outcomes: OutcomeFigures): Content[] {
  const bands = [
    ["Excellent (85+)", outcomes.by_performance.excellent],
    ["Good (70-84)", outcomes.by_performance.good],
    ["Needs improvement (50-69)", outcomes.by_performance.needs_improvement],
    ["At risk (<50)", outcomes.by_performance.at_risk],
  ] as const;
  return [
    lineChart({
      title: "Average assessment score by month",
      points: outcomes.score_trend.map((p) => ({ label: monthLabel(p.month), value: p.avg_score })),
      formatValue: (v) => num(v),
      formatAxis: wholeNumber,
    }),
    barChart({
      title: "Students by performance band",
      bars: bands.map(([label, band]) => ({ label, value: band.count, caption: `${band.count} (${num(band.percent, 0)}%)` })),
      formatAxis: wholeNumber,
      whole: true,
    }),
    section("Performance bands", [
      dataTable(
        [
          { header: "Band", width: 40 },
          { header: "Students", width: 20, align: "right" },
          { header: "Share", width: 20, align: "right" },
          { header: "Average score", width: 20, align: "right" },
        ],
        bands.map(([label, band]) => [label, num(band.count, 0), `${num(band.percent)}%`, num(band.avg_score)]),
        { emptyText: NONE_IN_PERIOD, fontSize: 8 },
      ),
    ]),
    section("Subjects", [
      dataTable(
        [
          { header: "Subject", width: 40 },
          { header: "Average score", width: 30, align: "right" },
          { header: "Completion rate", width: 30, align: "right" },
        ],
        outcomes.by_subject.map((s) => [s.subject, num(s.avg_score), `${num(s.completion_rate)}%`]),
        { emptyText: NONE_IN_PERIOD, fontSize: 8 },
      ),
    ]),
  ];
}

function studentsSection(students: ReportStudent[]): Content {
  return section(`Sponsored students (${students.length})`, [
    note(STUDENT_NAMES_NOTE),
    dataTable(
      [
        { header: "Name", width: 22 },
        { header: "Grade", width: 7, align: "right" },
        { header: "County", width: 14 },
        { header: "School", width: 24 },
        { header: "Courses", width: 9, align: "right" },
        { header: "Avg score", width: 9, align: "right" },
        { header: "Trend", width: 11 },
        { header: "Change", width: 9, align: "right" },
        { header: "Tutor", width: 7, align: "right" },
      ],
      students.map((s) => [
        s.name,
        String(s.grade_level),
        s.county,
        s.school ?? "-",
        `${s.courses_completed}/${s.courses_enrolled}`,
        num(s.average_score),
        humanize(s.performance_trend),
        signed(s.score_change),
        String(s.ai_tutor_sessions),
      ]),
      { emptyText: NONE_IN_PERIOD, fontSize: 8 },
    ),
  ]);
}

function financialSections(data: ReportData): Content[] {
  const completed = data.payments.filter((p) => p.status === "completed" && p.currency === data.currency);
  const methods = [...new Set(data.payments.map((p) => p.method))].sort();
  // Every month of the period, so months without payments show as zero.
  const months = new Map<string, number>();
  for (let m = data.periodStart.slice(0, 7); m <= data.periodEnd.slice(0, 7); m = nextMonth(m)) months.set(m, 0);
  for (const p of completed) {
    const month = p.created_at.slice(0, 7);
    if (months.has(month)) months.set(month, months.get(month)! + p.amount);
  }
  const monthly = [...months.entries()];
  return [
    barChart({
      title: `Completed payments by method (${data.currency})`,
      bars: methods.map((method) => {
        const total = completed.filter((p) => p.method === method).reduce((s, p) => s + p.amount, 0);
        return { label: humanize(method), value: total, caption: compact(total) };
      }),
      formatAxis: compact,
    }),
    lineChart({
      title: `Completed payments by month of creation (${data.currency}, thousands)`,
      points: monthly.map(([month, total]) => ({ label: monthLabel(month), value: total / 1000 })),
      yMax: axisMax(Math.max(0, ...monthly.map(([, total]) => total / 1000))),
      formatValue: (v) => num(v),
      formatAxis: wholeNumber,
    }),
    section(`Payments (${data.payments.length})`, [
      dataTable(
        [
          { header: "Date", width: 11 },
          { header: "Reference", width: 17 },
          { header: "Method", width: 12 },
          { header: "Status", width: 10 },
          { header: "Amount", width: 16, align: "right" },
          { header: "Description", width: 34 },
        ],
        data.payments.map((p) => [
          p.created_at.slice(0, 10),
          p.reference,
          humanize(p.method),
          humanize(p.status),
          formatMoney(p.amount, p.currency),
          [p.description, p.program].filter(Boolean).join(" - ") || "-",
        ]),
        { emptyText: NONE_IN_PERIOD, fontSize: 8 },
      ),
    ]),
  ];
}

export interface PdfOptions {
  /** Deflate page content (default); tests may turn it off to inspect the drawing operators. */
  compress?: boolean;
}

export async function renderReportPdf(data: ReportData, options: PdfOptions = {}): Promise<Buffer> {
  const period = `${data.periodStart} to ${data.periodEnd}`;
  const generated = `${data.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const content: Content[] = [
    title(
      data.title,
      { text: data.partnerName, fontSize: SIZES.body + 1, color: COLORS.text, margin: [0, 0, 0, 2] },
      { text: `Period: ${period}   |   Generated: ${generated}`, fontSize: SIZES.small, color: COLORS.muted },
    ),
    section("Summary", [
      figureTiles(summaryFigures(data)),
      note(
        "Paid in is the completed payments in the period; score improvement compares each student's recent average with their average when the sponsorship began.",
      ),
    ]),
    ...(data.type === "financial"
      ? financialSections(data)
      : [...(data.outcomes ? outcomesSections(data.outcomes) : []), studentsSection(data.students)]),
  ];
  return renderPdf(
    documentDefinition({
      title: data.title,
      subject: `${TYPE_LABELS[data.type]} for ${data.partnerName}, ${period}`,
      createdAt: data.generatedAt,
      service: "report",
      footer: `${data.partnerName} - ${TYPE_LABELS[data.type]} ${period}`,
      runningHeader: data.title,
      compress: options.compress,
      content,
    }),
  );
}
