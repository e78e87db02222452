import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { generateReport } from "@/lib/sponsorship/generate-report";
import { exportReportQuery } from "@/lib/sponsorship/schemas/reports";

/** Generates a report of the requested type and format (PDF impact report by default) for download. */
export const GET = v1Route({ roles: ["partner"], query: exportReportQuery }, async ({ actor, query }) => {
  const report = await generateReport({
    actor,
    type: query.report_type,
    format: query.format,
    startDate: query.start_date,
    endDate: query.end_date,
  });
  return NextResponse.json({
    report_id: report.id,
    report_type: report.type,
    format: report.format,
    download_url: report.downloadUrl,
    generated_at: report.generatedAt.toISOString(),
    expires_at: report.expiresAt.toISOString(),
    message: "Report generated successfully. Download link valid for 24 hours.",
  });
});
