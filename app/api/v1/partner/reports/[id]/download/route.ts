import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getReportDownload } from "@/lib/sponsorship/get-report-download";

/** A stored report file, for the partner that generated it, until it expires (410 after). */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) => {
  const { content, contentType, filename } = await getReportDownload({ actor, reportId: String(params.id) });
  return new NextResponse(new Uint8Array(content), {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(content.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
