import { auditLogCsvFile } from "@/lib/audit/list-audit-events";
import { csvDownloadRoute } from "@/lib/http/csv-download";

/** The audit log with the page's filters and search, every matching row up to the export's maximum, as CSV. */
export const GET = csvDownloadRoute({ roles: ["partner", "brand", "creator"], page: "/team/audit" }, auditLogCsvFile);
