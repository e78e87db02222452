import { csvDownloadRoute } from "@/lib/http/csv-download";
import { studentsCsv } from "@/lib/sponsorship/students-csv";

/** The sponsored students with the page's filters and search, every page of it, as CSV. */
export const GET = csvDownloadRoute({ roles: ["partner"], page: "/dashboard/students" }, studentsCsv);
