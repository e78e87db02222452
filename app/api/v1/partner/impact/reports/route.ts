import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { generateReport } from "@/lib/sponsorship/generate-report";
import { impactReportQuery } from "@/lib/sponsorship/schemas/reports";

/** Generates an impact report (JSON by default), stores it for 24 hours and returns its summary. */
export const GET = v1Route({ roles: ["partner"], query: impactReportQuery }, async ({ actor, query }) => {
  const report = await generateReport({
    actor,
    type: "impact",
    format: query.format,
    startDate: query.start_date,
    endDate: query.end_date,
  });
  return NextResponse.json({
    report: {
      id: report.id,
      title: report.title,
      period: report.period,
      generated_at: report.generatedAt.toISOString(),
      download_url: report.downloadUrl,
      summary: report.summary,
    },
  });
});
