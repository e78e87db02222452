import { csvDownloadRoute } from "@/lib/http/csv-download";
import { paymentsCsv } from "@/lib/sponsorship/payments-csv";

/** The payments with the page's filters and search, every page of it, as CSV. */
export const GET = csvDownloadRoute({ roles: ["partner"], page: "/dashboard/payments" }, paymentsCsv);
