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
 * Text fields that start with = + - @ or a tab are prefixed with ' so spreadsheet apps do
 * not run them as formulas (names and descriptions are user-entered).
 */
import { humanize } from "../humanize";
import PDFDocument from "pdfkit";
import type { z } from "zod";
import { formatMoney } from "../money";
import { bandFor } from "./metrics";
import type { REPORT_TYPES, impactResponse, studentOutcomesResponse } from "./schemas";

export type ReportType = (typeof REPORT_TYPES)[number];
export type ImpactFigures = Omit<z.infer<typeof impactResponse>, "period">;
export type OutcomeFigures = Omit<z.infer<typeof studentOutcomesResponse>, "period">;

export interface ReportStudent {
  id: string;
  name: string;
  grade_level: number;
  county: string;
  school: string;
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
] as const;

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

/** A text cell: neutralises spreadsheet formulas (CWE-1236). */
function text(value: string | null): Cell {
  if (value === null) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: Cell): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(columns: readonly string[], rows: Cell[][]): string {
  return [columns, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
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
    },
    summary: data.summary,
    impact: data.impact,
    ...(data.type === "financial"
      ? { payments: data.payments }
      : { student_outcomes: data.outcomes, students: data.students }),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

// ─── PDF ──────────────────────────────────────────────────────────────────────

const MARGIN = 50;
const COLORS = {
  text: "#1f2937",
  muted: "#6b7280",
  rule: "#d1d5db",
  grid: "#e5e7eb",
  accent: "#0f766e",
  header: "#f3f4f6",
  bars: ["#0f766e", "#14b8a6", "#f59e0b", "#dc2626"],
};
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const TYPE_LABELS: Record<ReportType, string> = { impact: "Impact report", financial: "Financial report", student_outcomes: "Student outcomes report" };

/** The built-in fonts only cover WinAnsi; replace what they cannot draw. */
function printable(value: string): string {
  return value
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[^\x20-\x7e\xa0-\xff\u2013\u2014\u2022\n]/g, "?");
}

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

const TICKS = 4;

/** An axis maximum at or above `value` whose TICKS steps are round numbers (whole ones for counts). */
function axisMax(value: number, whole = false): number {
  const raw = value / TICKS;
  let step = 1;
  if (raw > 0) {
    const power = 10 ** Math.floor(Math.log10(raw));
    step = ([1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power);
  }
  if (whole) step = Math.max(1, Math.ceil(step));
  return step * TICKS;
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

interface Column {
  header: string;
  width: number;
  align?: "left" | "right";
}

interface Bar {
  label: string;
  value: number;
  caption: string;
}

class ReportWriter {
  readonly width: number;

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.width = doc.page.width - MARGIN * 2;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN - 16;
  }

  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) {
      this.doc.addPage();
      this.doc.y = MARGIN;
    }
  }

  header(data: ReportData): void {
    const { doc } = this;
    doc.font("Helvetica-Bold").fontSize(20).fillColor(COLORS.accent).text(printable(data.title), MARGIN, MARGIN, { width: this.width });
    doc.moveDown(0.2).font("Helvetica").fontSize(11).fillColor(COLORS.text).text(printable(data.partnerName), { width: this.width });
    doc
      .fontSize(9)
      .fillColor(COLORS.muted)
      .text(`Period: ${data.periodStart} to ${data.periodEnd}   |   Generated: ${data.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`, {
        width: this.width,
      });
    doc.moveDown(0.5);
    doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + this.width, doc.y).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    doc.moveDown(0.6);
  }

  section(heading: string, keepWith = 60): void {
    this.ensureSpace(24 + keepWith);
    const { doc } = this;
    doc.moveDown(0.4).font("Helvetica-Bold").fontSize(12).fillColor(COLORS.accent).text(printable(heading), MARGIN, doc.y, { width: this.width });
    doc.moveDown(0.3);
  }

  note(value: string): void {
    const { doc } = this;
    doc.font("Helvetica-Oblique").fontSize(9).fillColor(COLORS.muted).text(printable(value), MARGIN, doc.y, { width: this.width });
    doc.moveDown(0.4);
  }

  /** Summary figures as tiles, four to a row. */
  figures(items: Array<[string, string]>): void {
    const { doc } = this;
    const perRow = 4;
    const gap = 8;
    const tileWidth = (this.width - gap * (perRow - 1)) / perRow;
    const tileHeight = 44;
    for (let i = 0; i < items.length; i += perRow) {
      this.ensureSpace(tileHeight + gap);
      const y = doc.y;
      items.slice(i, i + perRow).forEach(([label, value], j) => {
        const x = MARGIN + j * (tileWidth + gap);
        doc.rect(x, y, tileWidth, tileHeight).fillColor(COLORS.header).fill();
        doc.font("Helvetica").fontSize(8).fillColor(COLORS.muted).text(printable(label), x + 6, y + 6, { width: tileWidth - 12, lineBreak: false });
        doc.font("Helvetica-Bold").fontSize(13).fillColor(COLORS.text).text(printable(value), x + 6, y + 20, { width: tileWidth - 12, lineBreak: false });
      });
      doc.x = MARGIN;
      doc.y = y + tileHeight + gap;
    }
    doc.moveDown(0.3);
  }

  table(columns: Column[], rows: string[][]): void {
    const { doc } = this;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 3;
    const drawRow = (cells: string[], header: boolean): void => {
      doc.font(header ? "Helvetica-Bold" : "Helvetica").fontSize(8);
      const texts = cells.map(printable);
      const height = Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: widths[i] - pad * 2 }))) + pad * 2;
      if (doc.y + height > this.bottom) {
        doc.addPage();
        doc.y = MARGIN;
        if (!header) drawRow(columns.map((c) => c.header), true);
        doc.font("Helvetica").fontSize(8);
      }
      const y = doc.y;
      if (header) doc.rect(MARGIN, y, this.width, height).fillColor(COLORS.header).fill();
      let x = MARGIN;
      texts.forEach((t, i) => {
        doc.fillColor(COLORS.text).text(t, x + pad, y + pad, { width: widths[i] - pad * 2, align: columns[i].align ?? "left" });
        x += widths[i];
      });
      doc.moveTo(MARGIN, y + height).lineTo(MARGIN + this.width, y + height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      doc.x = MARGIN;
      doc.y = y + height;
    };
    drawRow(columns.map((c) => c.header), true);
    if (rows.length === 0) {
      doc.font("Helvetica-Oblique").fontSize(8).fillColor(COLORS.muted).text("None in this period.", MARGIN + pad, doc.y + pad, { width: this.width });
      doc.y += pad;
    }
    for (const row of rows) drawRow(row, false);
    doc.moveDown(0.6);
  }

  /** Frame shared by both charts: title, y gridlines with labels; returns the plot area. */
  private chartFrame(title: string, yMax: number, yLabel: (v: number) => string, height: number) {
    const { doc } = this;
    this.ensureSpace(height + 40);
    doc.font("Helvetica-Bold").fontSize(10).fillColor(COLORS.text).text(printable(title), MARGIN, doc.y, { width: this.width });
    // Headroom above the plot for the captions of full-height bars and points.
    const top = doc.y + 16;
    const left = MARGIN + 40;
    const plot = { left, top, width: this.width - 50, height };
    doc.font("Helvetica").fontSize(7);
    for (let i = 0; i <= TICKS; i++) {
      const value = (yMax / TICKS) * i;
      const y = top + height - (height * i) / TICKS;
      doc.moveTo(left, y).lineTo(left + plot.width, y).lineWidth(0.5).strokeColor(i === 0 ? COLORS.text : COLORS.grid).stroke();
      doc.fillColor(COLORS.muted).text(yLabel(value), MARGIN, y - 3, { width: 34, align: "right", lineBreak: false });
    }
    doc.moveTo(left, top).lineTo(left, top + height).lineWidth(0.75).strokeColor(COLORS.text).stroke();
    return plot;
  }

  private endChart(plot: { top: number; height: number }): void {
    this.doc.x = MARGIN;
    this.doc.y = plot.top + plot.height + 30;
  }

  lineChart(title: string, points: Array<{ label: string; value: number }>, yMax = 100): void {
    const { doc } = this;
    if (points.length === 0) {
      this.section(title, 10);
      this.note("No data in this period.");
      return;
    }
    const plot = this.chartFrame(title, yMax, (v) => num(v, 0), 140);
    const inset = 16;
    const step = points.length > 1 ? (plot.width - inset * 2) / (points.length - 1) : 0;
    const xy = points.map((p, i) => ({
      x: plot.left + (points.length > 1 ? inset + i * step : plot.width / 2),
      y: plot.top + plot.height - (Math.min(Math.max(p.value, 0), yMax) / yMax) * plot.height,
    }));
    xy.forEach((pt, i) => (i === 0 ? doc.moveTo(pt.x, pt.y) : doc.lineTo(pt.x, pt.y)));
    doc.lineWidth(1.5).strokeColor(COLORS.accent).stroke();
    // Label every point when they fit, else every other one.
    const every = points.length > 13 ? 2 : 1;
    doc.font("Helvetica").fontSize(7);
    xy.forEach((pt, i) => {
      doc.circle(pt.x, pt.y, 2.2).fillColor(COLORS.accent).fill();
      if (i % every !== 0 && i !== points.length - 1) return;
      doc.fillColor(COLORS.text).text(num(points[i].value), pt.x - 15, pt.y - 11, { width: 30, align: "center", lineBreak: false });
      doc.fillColor(COLORS.muted).text(printable(points[i].label), pt.x - 18, plot.top + plot.height + 4, { width: 36, align: "center", lineBreak: false });
    });
    this.endChart(plot);
  }

  barChart(title: string, bars: Bar[], formatAxis: (v: number) => string, whole = false): void {
    const { doc } = this;
    const yMax = axisMax(Math.max(0, ...bars.map((b) => b.value)), whole);
    const plot = this.chartFrame(title, yMax, formatAxis, 120);
    const slot = plot.width / Math.max(bars.length, 1);
    const barWidth = Math.min(60, slot * 0.6);
    doc.font("Helvetica").fontSize(7);
    bars.forEach((bar, i) => {
      const h = (bar.value / yMax) * plot.height;
      const x = plot.left + slot * i + (slot - barWidth) / 2;
      const y = plot.top + plot.height - h;
      if (h > 0) doc.rect(x, y, barWidth, h).fillColor(COLORS.bars[i % COLORS.bars.length]).fill();
      doc.fillColor(COLORS.text).text(printable(bar.caption), x - 20, y - 10, { width: barWidth + 40, align: "center", lineBreak: false });
      doc.fillColor(COLORS.muted).text(printable(bar.label), plot.left + slot * i, plot.top + plot.height + 4, { width: slot, align: "center", lineBreak: false });
    });
    this.endChart(plot);
  }

  footers(data: ReportData): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const y = doc.page.height - MARGIN + 14;
      // Writing below the bottom margin must not start a new page.
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, bottom: 0 };
      doc.font("Helvetica").fontSize(7).fillColor(COLORS.muted);
      doc.text(printable(`${data.partnerName} - ${TYPE_LABELS[data.type]} ${data.periodStart} to ${data.periodEnd}`), MARGIN, y, { width: this.width * 0.75, lineBreak: false });
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, MARGIN + this.width * 0.75, y, { width: this.width * 0.25, align: "right", lineBreak: false });
      doc.page.margins = margins;
    }
  }
}

function summaryFigures(data: ReportData): Array<[string, string]> {
  const { impact, summary, currency } = data;
  const money = (v: number) => formatMoney(v, currency);
  const base: Array<[string, string]> = [
    ["Students reached", num(summary.students_reached, 0)],
    ["Investment", money(summary.investment)],
    ["Completion rate", `${num(summary.completion_rate)}%`],
    ["Avg score improvement", `${signed(summary.avg_score_improvement)} pts`],
  ];
  if (data.type === "financial") {
    const byStatus = (status: string) => data.payments.filter((p) => p.status === status && p.currency === currency).reduce((s, p) => s + p.amount, 0);
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
    ["Sponsored vs platform score", `${num(impact.comparison_to_platform.sponsored_avg_score)} / ${num(impact.comparison_to_platform.platform_avg_score)}`],
  ];
}

function outcomesSections(w: ReportWriter, outcomes: OutcomeFigures): void {
  w.lineChart(
    "Average assessment score by month",
    outcomes.score_trend.map((p) => ({ label: monthLabel(p.month), value: p.avg_score })),
  );
  const bands = [
    ["Excellent (85+)", outcomes.by_performance.excellent],
    ["Good (70-84)", outcomes.by_performance.good],
    ["Needs improvement (50-69)", outcomes.by_performance.needs_improvement],
    ["At risk (<50)", outcomes.by_performance.at_risk],
  ] as const;
  w.barChart(
    "Students by performance band",
    bands.map(([label, band]) => ({ label, value: band.count, caption: `${band.count} (${num(band.percent, 0)}%)` })),
    (v) => num(v, 0),
    true,
  );
  w.section("Performance bands");
  w.table(
    [
      { header: "Band", width: 40 },
      { header: "Students", width: 20, align: "right" },
      { header: "Share", width: 20, align: "right" },
      { header: "Average score", width: 20, align: "right" },
    ],
    bands.map(([label, band]) => [label, num(band.count, 0), `${num(band.percent)}%`, num(band.avg_score)]),
  );
  w.section("Subjects");
  w.table(
    [
      { header: "Subject", width: 40 },
      { header: "Average score", width: 30, align: "right" },
      { header: "Completion rate", width: 30, align: "right" },
    ],
    outcomes.by_subject.map((s) => [s.subject, num(s.avg_score), `${num(s.completion_rate)}%`]),
  );
}

function studentsSection(w: ReportWriter, students: ReportStudent[]): void {
  w.section(`Sponsored students (${students.length})`);
  w.table(
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
      s.school,
      `${s.courses_completed}/${s.courses_enrolled}`,
      num(s.average_score),
      humanize(s.performance_trend),
      signed(s.score_change),
      String(s.ai_tutor_sessions),
    ]),
  );
}

function financialSections(w: ReportWriter, data: ReportData): void {
  const completed = data.payments.filter((p) => p.status === "completed" && p.currency === data.currency);
  const methods = [...new Set(data.payments.map((p) => p.method))].sort();
  w.barChart(
    `Completed payments by method (${data.currency})`,
    methods.map((method) => {
      const total = completed.filter((p) => p.method === method).reduce((s, p) => s + p.amount, 0);
      return { label: humanize(method), value: total, caption: compact(total) };
    }),
    compact,
  );
  // Every month of the period, so months without payments show as zero.
  const months = new Map<string, number>();
  for (let m = data.periodStart.slice(0, 7); m <= data.periodEnd.slice(0, 7); m = nextMonth(m)) months.set(m, 0);
  for (const p of completed) {
    const month = p.created_at.slice(0, 7);
    if (months.has(month)) months.set(month, months.get(month)! + p.amount);
  }
  const monthly = [...months.entries()];
  w.lineChart(
    `Completed payments by month of creation (${data.currency}, thousands)`,
    monthly.map(([month, total]) => ({ label: monthLabel(month), value: total / 1000 })),
    axisMax(Math.max(0, ...monthly.map(([, total]) => total / 1000))),
  );
  w.section(`Payments (${data.payments.length})`);
  w.table(
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
  );
}

export interface PdfOptions {
  /** Deflate page content (default); tests turn it off to read the text. */
  compress?: boolean;
}

export async function renderReportPdf(data: ReportData, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: printable(data.title),
      Author: printable(data.partnerName),
      Subject: `${TYPE_LABELS[data.type]} ${data.periodStart} to ${data.periodEnd}`,
      Creator: "Harambee",
      Producer: "Harambee report service",
      CreationDate: data.generatedAt,
      ModDate: data.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const w = new ReportWriter(doc);
  w.header(data);
  w.section("Summary");
  w.figures(summaryFigures(data));
  w.note(
    "Investment is the completed payments in the period; score improvement compares each student's recent average with their average when the sponsorship began.",
  );

  if (data.type === "financial") {
    financialSections(w, data);
  } else {
    if (data.outcomes) outcomesSections(w, data.outcomes);
    studentsSection(w, data.students);
  }

  w.footers(data);
  doc.end();
  return done;
}
