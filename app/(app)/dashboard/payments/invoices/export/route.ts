import { csvDownloadRoute } from "@/lib/http/csv-download";
import { invoicesCsv } from "@/lib/sponsorship/payments-csv";

/** The invoices with the payments page's invoice filter and search, every page of it, as CSV. */
export const GET = csvDownloadRoute({ roles: ["partner"], page: "/dashboard/payments" }, invoicesCsv);
