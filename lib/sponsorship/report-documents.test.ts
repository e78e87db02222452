import { describe, expect, it } from "vitest";
import {
  PAYMENT_CSV_COLUMNS,
  renderReportCsv,
  renderReportJson,
  renderReportPdf,
  STUDENT_CSV_COLUMNS,
  STUDENT_NAMES_NOTE,
  type ReportData,
  type ReportStudent,
} from "./report-documents";
import { parseCsv } from "@/tests/helpers/csv";
import { readPdf, pdfText } from "@/tests/helpers/pdf-text";

function student(n: number, overrides: Partial<ReportStudent> = {}): ReportStudent {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    name: `Student ${n}`,
    name_shown: "full_name",
    grade_level: 4 + (n % 5),
    county: "Nairobi",
    school: "Kibera Primary",
    sponsorship_type: "full_scholarship",
    courses_enrolled: 3,
    courses_completed: 1,
    average_score: 60 + n,
    performance_trend: "improving",
    score_change: 6.5,
    ai_tutor_sessions: 12,
    last_active: "2025-12-20T08:00:00.000Z",
    ...overrides,
  };
}

const band = (count: number, avg: number | null, percent: number) => ({ count, avg_score: avg, percent });

function data(overrides: Partial<ReportData> = {}): ReportData {
  return {
    type: "impact",
    title: "Q4 2025 Impact Report",
    partnerName: "Elimu Bora Foundation",
    periodStart: "2025-10-01",
    periodEnd: "2025-12-31",
    generatedAt: new Date("2026-02-15T10:00:00Z"),
    currency: "KES",
    summary: { students_reached: 3, investment: 850000, completion_rate: 71, avg_score_improvement: 15 },
    impact: {
      period_start: "2025-10-01",
      period_end: "2025-12-31",
      students_reached: 3,
      courses_funded: 5,
      total_investment: 850000,
      currency: "KES",
      outcomes: {
        average_score_improvement: 15,
        students_measured: 2,
        students_without_baseline: 1,
        students_without_recent_assessments: 0,
        course_completion_rate: 71,
        students_advancing_grade: 1,
        certificates_earned: 4,
        ai_tutor_sessions: 36,
      },
      comparison_to_platform: {
        sponsored_avg_score: 72.5,
        platform_avg_score: 64.1,
        sponsored_completion_rate: 71,
        platform_completion_rate: 55,
      },
      matched_comparison: {
        available: false,
        reason: "Too few comparable students",
        before: { from: "2025-07-01", to: "2025-09-30" },
        after: { from: "2025-10-01", to: "2025-12-31" },
        sponsored_students: 0,
        control_students: 0,
        unmatched_sponsored_students: 3,
        sponsored_change: null,
        control_change: null,
        difference: null,
        ci95: null,
      },
      roi_metrics: { cost_per_student: 283333, cost_per_course_completion: 170000, cost_per_certificate: 212500 },
      money: { currency: "KES", paid_in: 850000, disbursed_to_sponsorships: 600000, committed: 900000, not_converted: [] },
    },
    outcomes: {
      period_start: "2025-10-01",
      period_end: "2025-12-31",
      total_students: 3,
      by_performance: {
        excellent: band(1, 88, 33.3),
        good: band(1, 75, 33.3),
        needs_improvement: band(0, null, 0),
        at_risk: band(1, 40, 33.3),
      },
      by_cbc_band: { EE: band(1, 88, 33.3), ME: band(1, 75, 33.3), AE: band(0, null, 0), BE: band(1, 40, 33.3) },
      by_subject: [
        { subject: "Mathematics", avg_score: 70.2, completion_rate: 60 },
        { subject: "English", avg_score: null, completion_rate: 0 },
      ],
      score_trend: [
        { month: "2025-10", avg_score: 61 },
        { month: "2025-11", avg_score: 66.4 },
        { month: "2025-12", avg_score: 70 },
      ],
      comparison_to_platform: {
        sponsored_avg_score: 72.5,
        platform_avg_score: 64.1,
        sponsored_completion_rate: 71,
        platform_completion_rate: 55,
      },
    },
    students: [
      student(1),
      student(2, {
        name: 'Achieng "Ace", Otieno',
        school: "St. Mary's\nGirls",
        average_score: null,
        score_change: null,
        performance_trend: "stable",
        last_active: null,
      }),
      student(3, { name: '=HYPERLINK("x")', score_change: -7.25, performance_trend: "declining" }),
    ],
    payments: [],
    ...overrides,
  };
}

function financial(): ReportData {
  return data({
    type: "financial",
    title: "Financial Report 2025-10-01 to 2025-12-15",
    periodEnd: "2025-12-15",
    outcomes: null,
    students: [],
    payments: [
      {
        id: "p1",
        reference: "BT_20251002_001",
        created_at: "2025-10-02T07:00:00.000Z",
        completed_at: "2025-10-03T09:00:00.000Z",
        method: "bank_transfer",
        status: "completed",
        amount: 500000,
        currency: "KES",
        description: "Tranche 1, Q4",
        program: "Coast STEM",
      },
      {
        id: "p2",
        reference: "MP_20251108_002",
        created_at: "2025-11-08T07:00:00.000Z",
        completed_at: "2025-11-08T07:01:00.000Z",
        method: "mpesa",
        status: "completed",
        amount: 1234.5,
        currency: "KES",
        description: 'Monthly "batch"',
        program: null,
      },
      {
        id: "p3",
        reference: "MP_20251201_003",
        created_at: "2025-12-01T07:00:00.000Z",
        completed_at: null,
        method: "mpesa",
        status: "pending",
        amount: 75000,
        currency: "KES",
        description: null,
        program: null,
      },
    ],
  });
}

describe("renderReportCsv", () => {
  it("writes one row per student with the documented columns, quoting as RFC 4180 says", () => {
    const text = renderReportCsv(data());
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...STUDENT_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const byId = rows.slice(1).map((r) => Object.fromEntries(STUDENT_CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(byId[0]).toMatchObject({
      name: "Student 1",
      average_score: "61",
      performance_band: "needs_improvement",
      score_change: "6.5",
      last_active: "2025-12-20T08:00:00.000Z",
    });
    expect(byId[1]).toMatchObject({
      name: 'Achieng "Ace", Otieno',
      school: "St. Mary's\nGirls",
      average_score: "",
      performance_band: "",
      score_change: "",
    });
    expect(text).toContain('"Achieng ""Ace"", Otieno"');
    expect(text).toContain('"St. Mary\'s\nGirls"');
    // Formulas are neutralised; negative numbers are left alone.
    expect(byId[2]).toMatchObject({ name: '\'=HYPERLINK("x")', score_change: "-7.25", performance_trend: "declining" });
  });

  it("uses the student columns for student outcome reports", () => {
    const rows = parseCsv(renderReportCsv(data({ type: "student_outcomes" })));
    expect(rows[0]).toEqual([...STUDENT_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
  });

  it("writes one row per payment with amounts in major units", () => {
    const rows = parseCsv(renderReportCsv(financial()));
    expect(rows[0]).toEqual([...PAYMENT_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const record = (i: number) => Object.fromEntries(PAYMENT_CSV_COLUMNS.map((c, j) => [c, rows[i][j]]));
    expect(record(1)).toMatchObject({
      payment_id: "p1",
      amount: "500000.00",
      description: "Tranche 1, Q4",
      program: "Coast STEM",
      method: "bank_transfer",
    });
    expect(record(2)).toMatchObject({ amount: "1234.50", description: 'Monthly "batch"', program: "" });
    expect(record(3)).toMatchObject({ status: "pending", completed_at: "", description: "" });
  });

  it("says for each student how it is named, and leaves an unconsented student's school empty", () => {
    const masked = student(4, { name: "Wanjiru K.", school: null, name_shown: "first_name_and_initial" });
    const rows = parseCsv(renderReportCsv(data({ students: [student(1), masked] })));
    const byId = rows.slice(1).map((r) => Object.fromEntries(STUDENT_CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(byId[0]).toMatchObject({ name: "Student 1", school: "Kibera Primary", name_shown: "full_name" });
    expect(byId[1]).toMatchObject({ name: "Wanjiru K.", school: "", name_shown: "first_name_and_initial" });
  });

  it("writes just the header when there is nothing to list", () => {
    expect(renderReportCsv(data({ students: [] }))).toBe(STUDENT_CSV_COLUMNS.join(",") + "\r\n");
  });
});

describe("renderReportJson", () => {
  it("holds the report, summary and rows", () => {
    const parsed = JSON.parse(renderReportJson(data()));
    expect(parsed.report).toEqual({
      title: "Q4 2025 Impact Report",
      type: "impact",
      partner: "Elimu Bora Foundation",
      period: { start_date: "2025-10-01", end_date: "2025-12-31" },
      generated_at: "2026-02-15T10:00:00.000Z",
      currency: "KES",
      student_names: STUDENT_NAMES_NOTE,
    });
    expect(parsed.summary).toEqual({ students_reached: 3, investment: 850000, completion_rate: 71, avg_score_improvement: 15 });
    expect(parsed.students).toHaveLength(3);
    expect(parsed.student_outcomes.score_trend).toHaveLength(3);
    const fin = JSON.parse(renderReportJson(financial()));
    expect(fin.payments).toHaveLength(3);
    expect(fin.students).toBeUndefined();
    expect(fin.report.student_names).toBeUndefined();
  });
});

describe("renderReportPdf", () => {
  it("draws the title, partner, period, tables and charts", async () => {
    const pdf = await renderReportPdf(data(), { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(pdf);
    for (const expected of [
      "Q4 2025 Impact Report",
      "Elimu Bora Foundation",
      "Period: 2025-10-01 to 2025-12-31",
      "Students reached",
      "Average assessment score by month",
      "Students by performance band",
      "Sponsored students (3)",
      "Students are named by first name and initial",
      "Student 1",
      "Mathematics",
      "Nov 25",
    ]) {
      expect(text).toContain(expected);
    }
    // The charts are vector paths: filled rectangles (bars) and a stroked polyline.
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/re\s*\n?f/);
    expect(raw).toMatch(/ l\n/);
  });

  it("renders the same bytes for the same input, compressed by default", async () => {
    const [a, b] = await Promise.all([renderReportPdf(data()), renderReportPdf(data())]);
    expect(a.equals(b)).toBe(true);
    expect(await pdfText(a)).toContain("Q4 2025 Impact Report");
  });

  it("renders a financial report with its payments", async () => {
    const text = await pdfText(await renderReportPdf(financial()));
    expect(text).toContain("Financial Report 2025-10-01 to 2025-12-15");
    expect(text).toContain("Completed payments by method (KES)");
    expect(text).toContain("BT_20251002_001");
    expect(text).toContain("Payments (3)");
  });

  it("copes with no data and with many students across pages", async () => {
    const empty = data({
      type: "student_outcomes",
      students: [],
      outcomes: { ...data().outcomes!, total_students: 0, score_trend: [], by_subject: [] },
    });
    expect(await pdfText(await renderReportPdf(empty))).toContain("No data in this period.");
    const many = data({ students: Array.from({ length: 120 }, (_, i) => student(i + 1)) });
    const { pages } = await readPdf(await renderReportPdf(many));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.join("\n")).toContain("Student 120");
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${pages.length}`));
    // The students table runs onto the following pages with its header row repeated.
    for (const page of pages.slice(-2)) expect(page).toMatch(/Name\s+Grade\s+County\s+School/);
  });
});
