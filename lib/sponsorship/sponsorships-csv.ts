/** The partner's sponsorships as the list page shows them (same filters, every page) in one CSV file. */
import type { Actor } from "../auth/actor";
import { csvDocument } from "../csv";
import { EXPORT_MAX_ROWS, searchTerm } from "../schemas/search";
import type { CsvFile } from "../http/csv-download";
import { listSponsorships } from "./list-sponsorships";
import { listSponsorshipsQuery } from "./schemas/sponsorships";

export const SPONSORSHIP_CSV_COLUMNS = [
  "sponsorship_id",
  "student",
  "grade_level",
  "school",
  "county",
  "type",
  "status",
  "courses_covered",
  "total_amount",
  "amount_disbursed",
  "currency",
  "start_date",
  "end_date",
  "average_score",
  "created_at",
] as const;

/** `params`: the page's query string; filters that cannot be read fall back to the defaults, as on the page. */
export async function sponsorshipsCsv(options: { actor: Actor; params: URLSearchParams }): Promise<CsvFile> {
  const flat = Object.fromEntries([...options.params].filter(([, value]) => value !== ""));
  const parsed = listSponsorshipsQuery.safeParse(flat);
  const query = parsed.success ? parsed.data : listSponsorshipsQuery.parse({});
  const result = await listSponsorships({ actor: options.actor, ...query, q: searchTerm(flat.q), page: 1, limit: EXPORT_MAX_ROWS });
  const rows = result.sponsorships.map((item) => [
    item.id,
    item.student.name,
    item.student.grade_level,
    item.student.school,
    item.student.county,
    item.type,
    item.status,
    item.courses_covered.join("; "),
    item.total_amount.toFixed(2),
    item.amount_disbursed.toFixed(2),
    item.currency,
    item.start_date.slice(0, 10),
    item.end_date.slice(0, 10),
    item.student_performance.average_score,
    item.created_at,
  ]);
  return { name: "sponsorships", csv: csvDocument(SPONSORSHIP_CSV_COLUMNS, rows), capped: result.total > EXPORT_MAX_ROWS };
}
