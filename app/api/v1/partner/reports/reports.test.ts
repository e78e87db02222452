import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { EXPIRED_REPORT_RETENTION_MS } from "@/lib/sponsorship/generate-report";
import { resolvePeriod } from "@/lib/sponsorship/report-period";
import { computeImpact } from "@/lib/sponsorship/compute-impact";
import { PAYMENT_CSV_COLUMNS, STUDENT_CSV_COLUMNS } from "@/lib/sponsorship/report-documents";
import { exportReportResponse, impactReportResponse, REPORT_FORMATS, REPORT_TYPES } from "@/lib/sponsorship/schemas/reports";
import { sponsoredStudentRows } from "@/lib/sponsorship/sponsored-students";
import { call, tokenFor } from "@/tests/helpers/http";
import { GET as impactReports } from "../impact/reports/route";
import { GET as download } from "./[id]/download/route";
import { GET as exportReport } from "./export/route";
import { parseCsv } from "@/tests/helpers/csv";
import { pdfText } from "@/tests/helpers/pdf-text";

// Many requests share one token here; the per-minute limits are not what most of these tests are about.
process.env.RATE_LIMIT_PER_MINUTE = "100000";
process.env.REPORTS_PER_MINUTE = "100000";

let partner: string;
let partner2: string;
let brand: string;
let partnerOrg: string;

/** The last complete calendar quarter before today (the seed holds 14 months of history). */
const quarter = (() => {
  const now = new Date();
  const firstMonth = Math.floor(now.getUTCMonth() / 3) * 3 - 3;
  const start = new Date(Date.UTC(now.getUTCFullYear(), firstMonth, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), firstMonth + 3, 0));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    start: day(start),
    end: day(end),
    label: `Q${start.getUTCMonth() / 3 + 1} ${start.getUTCFullYear()}`,
    startDate: start,
    endDate: end,
  };
})();
const window = resolvePeriod({ startDate: quarter.startDate, endDate: quarter.endDate, now: new Date() }).window;

beforeAll(async () => {
  [partner, partner2, brand] = await Promise.all([
    tokenFor("partner@demo.test"),
    tokenFor("partner2@demo.test"),
    tokenFor("brand@demo.test"),
  ]);
  partnerOrg = (await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
});

/** Downloads a report as raw bytes (the `call` helper decodes bodies as text). */
async function fetchReport(downloadUrl: string, token = partner) {
  const id = /\/reports\/([^/]+)\/download$/.exec(downloadUrl)![1];
  const { NextRequest } = await import("next/server");
  const response = await download(
    new NextRequest(new URL(downloadUrl, "http://localhost:8000"), { headers: { authorization: `Bearer ${token}` } }),
    {
      params: Promise.resolve({ id }),
    },
  );
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const exportUrl = (params: Record<string, string>) => `/api/v1/partner/reports/export?${new URLSearchParams(params)}`;
const quarterParams = { start_date: quarter.start, end_date: quarter.end };

describe("GET /api/v1/partner/reports/export", () => {
  it("defaults to a PDF impact report that downloads as a PDF", async () => {
    const res = await call(exportReport, exportUrl(quarterParams), { token: partner });
    expect(res.status).toBe(200);
    const body = exportReportResponse.parse(res.body);
    expect(body).toMatchObject({
      report_type: "impact",
      format: "pdf",
      download_url: `/api/v1/partner/reports/${body.report_id}/download`,
    });
    expect(body.message).toBe("Report generated successfully. Download link valid for 24 hours.");
    expect(Date.parse(body.expires_at) - Date.parse(body.generated_at)).toBe(24 * 3600 * 1000);

    const file = await fetchReport(body.download_url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="impact-report-${quarter.start}-to-${quarter.end}.pdf"`);
    expect(file.headers.get("cache-control")).toBe("private, no-store");
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    const text = await pdfText(file.bytes);
    expect(text).toContain(`${quarter.label} Impact Report`);
    expect(text).toContain("Elimu Bora Foundation");

    const stored = await getDb().report.findUniqueOrThrow({ where: { id: body.report_id } });
    expect(stored).toMatchObject({
      partnerId: partnerOrg,
      type: "impact",
      format: "pdf",
      byteSize: file.bytes.length,
      contentType: "application/pdf",
    });
  });

  for (const type of REPORT_TYPES) {
    for (const format of REPORT_FORMATS) {
      it(`exports a ${type} report as ${format}`, async () => {
        const res = await call(exportReport, exportUrl({ ...quarterParams, report_type: type, format }), { token: partner });
        expect(res.status).toBe(200);
        const body = exportReportResponse.parse(res.body);
        expect(body).toMatchObject({ report_type: type, format });
        const file = await fetchReport(body.download_url);
        expect(file.status).toBe(200);
        expect(file.headers.get("content-disposition")).toBe(
          `attachment; filename="${type.replace("_", "-")}-report-${quarter.start}-to-${quarter.end}.${format}"`,
        );
        const contentType = { pdf: "application/pdf", csv: "text/csv; charset=utf-8", json: "application/json" }[format];
        expect(file.headers.get("content-type")).toBe(contentType);
        if (format === "pdf") {
          expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
          const typeTitle = { impact: "Impact", financial: "Financial", student_outcomes: "Student Outcomes" }[type];
          expect(await pdfText(file.bytes)).toContain(`${quarter.label} ${typeTitle} Report`);
        } else if (format === "json") {
          const json = JSON.parse(file.bytes.toString("utf8"));
          expect(json.report).toMatchObject({ type, period: { start_date: quarter.start, end_date: quarter.end } });
          expect(json.report.title).toBe(
            `${quarter.label} ${{ impact: "Impact", financial: "Financial", student_outcomes: "Student Outcomes" }[type]} Report`,
          );
        } else {
          const rows = parseCsv(file.bytes.toString("utf8"));
          if (type === "financial") {
            expect(rows[0]).toEqual([...PAYMENT_CSV_COLUMNS]);
            const inRange = await getDb().payment.findMany({
              where: { partnerId: partnerOrg, createdAt: { gte: window.from, lt: window.until } },
              select: { id: true },
            });
            expect(inRange.length).toBeGreaterThan(0);
            expect(
              rows
                .slice(1)
                .map((r) => r[0])
                .sort(),
            ).toEqual(inRange.map((p) => p.id).sort());
          } else {
            expect(rows[0]).toEqual([...STUDENT_CSV_COLUMNS]);
            const students = await sponsoredStudentRows({ partnerId: partnerOrg, window });
            expect(students.length).toBeGreaterThan(0);
            expect(
              rows
                .slice(1)
                .map((r) => r[0])
                .sort(),
            ).toEqual(students.map((s) => s.id).sort());
          }
        }
      });
    }
  }

  it("covers this month and the eleven before it, up to today, without dates", async () => {
    const res = await call(exportReport, exportUrl({ format: "json", report_type: "financial" }), { token: partner });
    expect(res.status).toBe(200);
    const file = await fetchReport(res.body.download_url);
    const json = JSON.parse(file.bytes.toString("utf8"));
    const today = new Date().toISOString().slice(0, 10);
    expect(json.report.period.end_date).toBe(today);
    const now = new Date();
    expect(json.report.period.start_date).toBe(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10),
    );
    expect(json.report.title).toBe(`Financial Report ${json.report.period.start_date} to ${today}`);
  });

  it("names the invalid parameter in a 422", async () => {
    for (const [params, loc] of [
      [{ format: "docx" }, ["query", "format"]],
      [{ report_type: "everything" }, ["query", "report_type"]],
      [{ start_date: "2025-13-01" }, ["query", "start_date"]],
      [{ end_date: "yesterday" }, ["query", "end_date"]],
      [{ start_date: "2025-12-31", end_date: "2025-10-01" }, ["query", "end_date"]],
    ] as const) {
      const res = await call(exportReport, exportUrl(params), { token: partner });
      expect(res.status, JSON.stringify(params)).toBe(422);
      expect(Array.isArray(res.body.detail)).toBe(true);
      expect(res.body.detail[0]).toMatchObject({ loc, msg: expect.any(String), type: expect.any(String) });
    }
  });

  it("requires a partner", async () => {
    expect((await call(exportReport, exportUrl({}))).status).toBe(401);
    const res = await call(exportReport, exportUrl({}), { token: brand });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: "Role 'partner' required" });
  });
});

describe("GET /api/v1/partner/impact/reports", () => {
  it("generates a JSON impact report whose summary matches the impact figures", async () => {
    const res = await call(impactReports, `/api/v1/partner/impact/reports?start_date=${quarter.start}&end_date=${quarter.end}`, {
      token: partner,
    });
    expect(res.status).toBe(200);
    const { report } = impactReportResponse.parse(res.body);
    expect(report.title).toBe(`${quarter.label} Impact Report`);
    expect(report.period).toBe(`${quarter.start} to ${quarter.end}`);
    expect(report.download_url).toBe(`/api/v1/partner/reports/${report.id}/download`);
    const impact = await computeImpact({ partnerId: partnerOrg, window });
    expect(report.summary).toEqual({
      students_reached: impact.students_reached,
      investment: impact.total_investment,
      completion_rate: impact.outcomes.course_completion_rate,
      avg_score_improvement: impact.outcomes.average_score_improvement,
    });
    expect(report.summary.students_reached).toBeGreaterThan(0);

    const file = await fetchReport(report.download_url);
    expect(file.headers.get("content-type")).toBe("application/json");
    const json = JSON.parse(file.bytes.toString("utf8"));
    expect(json.summary).toEqual(report.summary);
    expect(json.students.length).toBeGreaterThan(0);
    const stored = await getDb().report.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored.summary).toEqual(report.summary);
  });

  it("takes the format and validates it", async () => {
    const csv = await call(impactReports, `/api/v1/partner/impact/reports?format=csv&start_date=${quarter.start}&end_date=${quarter.end}`, {
      token: partner,
    });
    expect(csv.status).toBe(200);
    const file = await fetchReport(csv.body.report.download_url);
    expect(parseCsv(file.bytes.toString("utf8"))[0]).toEqual([...STUDENT_CSV_COLUMNS]);

    const bad = await call(impactReports, "/api/v1/partner/impact/reports?format=xml", { token: partner });
    expect(bad.status).toBe(422);
    expect(bad.body.detail[0].loc).toEqual(["query", "format"]);
    const backwards = await call(impactReports, "/api/v1/partner/impact/reports?start_date=2025-12-31&end_date=2025-12-30", {
      token: partner,
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.detail[0].loc).toEqual(["query", "end_date"]);
  });

  it("requires a partner", async () => {
    expect((await call(impactReports, "/api/v1/partner/impact/reports")).status).toBe(401);
    expect((await call(impactReports, "/api/v1/partner/impact/reports", { token: brand })).status).toBe(403);
  });
});

describe("GET /api/v1/partner/reports/{id}/download", () => {
  it("serves a report to its own partner only", async () => {
    const res = await call(exportReport, exportUrl({ ...quarterParams, format: "csv" }), { token: partner });
    const other = await fetchReport(res.body.download_url, partner2);
    expect(other.status).toBe(404);
    expect(JSON.parse(other.bytes.toString())).toEqual({ detail: "Report not found" });

    const url = (id: string) => `/api/v1/partner/reports/${id}/download`;
    expect((await call(download, url("not-a-uuid"), { token: partner, params: { id: "not-a-uuid" } })).status).toBe(404);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await call(download, url(unknown), { token: partner, params: { id: unknown } })).status).toBe(404);
    expect((await call(download, res.body.download_url, { params: { id: res.body.report_id } })).status).toBe(401);
    expect((await call(download, res.body.download_url, { token: brand, params: { id: res.body.report_id } })).status).toBe(403);
  });

  it("answers 410 once the report has expired", async () => {
    const res = await call(exportReport, exportUrl({ ...quarterParams, format: "json" }), { token: partner });
    expect((await fetchReport(res.body.download_url)).status).toBe(200);
    await getDb().report.update({ where: { id: res.body.report_id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call(download, res.body.download_url, { token: partner, params: { id: res.body.report_id } });
    expect(expired.status).toBe(410);
    expect(expired.body).toEqual({ detail: "Report expired" });
  });

  it("deletes reports a week after they expire, when the next report is asked for", async () => {
    const make = async (format: string) =>
      (await call(exportReport, exportUrl({ ...quarterParams, format }), { token: partner })).body.report_id as string;
    const [longGone, recentlyExpired] = [await make("csv"), await make("json")];
    const db = getDb();
    await db.report.update({ where: { id: longGone }, data: { expiresAt: new Date(Date.now() - EXPIRED_REPORT_RETENTION_MS - 60_000) } });
    await db.report.update({ where: { id: recentlyExpired }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    await make("pdf");
    expect(await db.report.findUnique({ where: { id: longGone } })).toBeNull();
    const stillThere = await call(download, `/api/v1/partner/reports/${recentlyExpired}/download`, {
      token: partner,
      params: { id: recentlyExpired },
    });
    expect(stillThere.status).toBe(410);
  });
});
