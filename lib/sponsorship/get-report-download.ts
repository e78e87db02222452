/** GET /partner/reports/{id}/download: a stored report's file. */
import type { Actor } from "../auth/actor";
import { getDb, plainRows, Prisma } from "../db";
import { AppError, notFound } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { partnerOf } from "./partner-of";
import { reportFilename } from "./report-period";

export interface GetReportDownloadOptions {
  actor: Actor;
  reportId: string;
  now?: Date;
}

export interface ReportDownload {
  content: Uint8Array;
  contentType: string;
  filename: string;
}

/** The stored file, for the partner that generated it only (anyone else gets 404); 410 once expired. */
export async function getReportDownload(options: GetReportDownloadOptions): Promise<ReportDownload> {
  const partnerId = partnerOf(options.actor, "read");
  const report = await findOrNotFound("Report", options.reportId, (id) =>
    getDb().report.findFirst({
      where: { id, partnerId },
      select: { type: true, format: true, periodStart: true, periodEnd: true, contentType: true, expiresAt: true },
    }),
  );
  if (report.expiresAt <= (options.now ?? new Date())) throw new AppError("gone", "Report expired");
  // Files run to megabytes: read as plain bytes, not through the query engine's value conversion (a tenth of a second for a large PDF).
  const [file] = await plainRows<{ content: Uint8Array }>(Prisma.sql`SELECT content FROM reports WHERE id = ${options.reportId}::uuid`);
  if (!file) throw notFound("Report");
  return { content: file.content, contentType: report.contentType, filename: reportFilename(report) };
}
