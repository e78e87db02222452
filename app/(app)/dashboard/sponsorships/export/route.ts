import { csvDownloadRoute } from "@/lib/http/csv-download";
import { sponsorshipsCsv } from "@/lib/sponsorship/sponsorships-csv";

/** The sponsorships list with the page's filters and search, every page of it, as CSV. */
export const GET = csvDownloadRoute({ roles: ["partner"], page: "/dashboard/sponsorships" }, sponsorshipsCsv);
