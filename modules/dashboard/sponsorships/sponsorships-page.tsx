import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import type { z } from "zod";
import { formatMoney, formatNumber } from "@/lib/format";
import { SponsorshipStatusBadge } from "@/modules/dashboard/sponsorships/sponsorship-badges";
import { labelFor } from "@/lib/humanize";
import { FilterNav } from "@/components/ui/filter-nav";
import { Pager } from "@/components/ui/pager";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { listSponsorshipsQuery, SPONSORSHIP_STATUSES } from "@/lib/sponsorship/schemas/sponsorships";
import { listSponsorships } from "@/lib/sponsorship/list-sponsorships";
import { HeaderAction, PartnerPageHeader } from "@/components/ui/page-header";
import { TableBox } from "@/components/ui/table-box";
import { EXPORT_MAX_ROWS, searchTerm } from "@/lib/schemas/search";

type SearchParams = Record<string, string | string[] | undefined>;
type Query = z.output<typeof listSponsorshipsQuery> & { q?: string };
type SortBy = Query["sort_by"];

const DEFAULTS = listSponsorshipsQuery.parse({});

/** Reads the query string with the API's schema; anything invalid falls back to the defaults. */
function parseQuery(params: SearchParams): Query {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") flat[key] = first;
  }
  const parsed = listSponsorshipsQuery.safeParse(flat);
  return { ...(parsed.success ? parsed.data : DEFAULTS), q: searchTerm(flat.q) };
}

/** The filters and sort as query parameters, defaults left out; the page, its search and its export share them. */
function filterParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set("status", query.status);
  if (query.sort_by !== DEFAULTS.sort_by || query.sort_order !== DEFAULTS.sort_order) {
    params.set("sort_by", query.sort_by);
    params.set("sort_order", query.sort_order);
  }
  return params;
}

/** The URL for a query; defaults are left out so URLs stay short. */
function hrefFor(query: Query): string {
  const params = filterParams(query);
  if (query.q) params.set("q", query.q);
  if (query.page > 1) params.set("page", String(query.page));
  if (query.limit !== DEFAULTS.limit) params.set("limit", String(query.limit));
  const search = params.toString();
  return search ? `/dashboard/sponsorships?${search}` : "/dashboard/sponsorships";
}

/** Clicking the active column flips the order; another column starts in its natural order. */
function sortHref(query: Query, column: SortBy): string {
  const order = query.sort_by === column ? (query.sort_order === "asc" ? "desc" : "asc") : column === "student_name" ? "asc" : "desc";
  return hrefFor({ ...query, sort_by: column, sort_order: order, page: 1 });
}

function SortHeader({ query, column, label, className = "" }: { query: Query; column: SortBy; label: string; className?: string }) {
  const active = query.sort_by === column;
  return (
    <th
      scope="col"
      aria-sort={active ? (query.sort_order === "asc" ? "ascending" : "descending") : undefined}
      className={`px-3 py-2 ${className}`}
    >
      <Link
        href={sortHref(query, column)}
        className="inline-flex items-center gap-1 font-semibold text-slate-700 underline-offset-2 hover:underline"
      >
        {label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
          {active ? (query.sort_order === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );
}

export default async function SponsorshipsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const params = await searchParams;
  const query = parseQuery(params);
  const created = Number(Array.isArray(params.created) ? params.created[0] : params.created);
  const result = await listSponsorships({ actor, ...query });
  const { sponsorships, total, pages } = result;

  const exportParams = filterParams(query);
  if (query.q) exportParams.set("q", query.q);
  const tools = {
    label: "Sponsorships table",
    search: {
      action: "/dashboard/sponsorships",
      q: query.q ?? "",
      params: Object.fromEntries(filterParams(query)),
      placeholder: "Student name",
    },
    searchLabel: "Search by student",
    exportHref: `/dashboard/sponsorships/export${exportParams.size ? `?${exportParams}` : ""}`,
    exportNote: total > EXPORT_MAX_ROWS ? `The export holds the first ${formatNumber(EXPORT_MAX_ROWS)} of these sponsorships.` : undefined,
  };

  const statusOptions = [
    { key: "all", label: "All", href: hrefFor({ ...query, status: undefined, page: 1 }), current: query.status === undefined },
    ...SPONSORSHIP_STATUSES.map((status) => ({
      key: status,
      label: labelFor(status),
      href: hrefFor({ ...query, status, page: 1 }),
      current: query.status === status,
    })),
  ];

  return (
    <div className="space-y-6">
      <PartnerPageHeader
        title="Sponsorships"
        actions={
          roleAllows(actor.memberRole, "work") ? <HeaderAction href="/dashboard/sponsorships/new">New sponsorship</HeaderAction> : undefined
        }
      >
        <span data-testid="sponsorships-total">{formatNumber(total)}</span> {total === 1 ? "sponsorship" : "sponsorships"}
        {query.status ? ` with status ${labelFor(query.status).toLowerCase()}` : " in total"}
        {query.q ? ` matching “${query.q}”` : ""}.
      </PartnerPageHeader>

      {Number.isInteger(created) && created > 0 ? (
        <div role="status" className="rounded-md bg-emerald-50 p-4 text-sm text-emerald-900" data-testid="sponsorships-created">
          <p className="font-medium">
            {created === 1 ? "Sponsorship created." : `${formatNumber(created)} sponsorships created.`}{" "}
            {created === 1 ? "It is" : "They are"} pending until a payment funds {created === 1 ? "it" : "them"}.
          </p>
          <p className="mt-1">
            <Link href="/dashboard/payments/new" className="font-medium text-emerald-900 underline underline-offset-2">
              Make a payment
            </Link>
          </p>
        </div>
      ) : null}

      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <FilterNav label="Status" options={statusOptions} />
      </div>

      {sponsorships.length === 0 ? (
        <TableBox
          {...tools}
          empty={
            <div
              role="status"
              className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
              data-testid="sponsorships-empty"
            >
              {total === 0 ? (
                <>
                  <p>
                    {query.q
                      ? `No ${query.status ? `${labelFor(query.status).toLowerCase()} ` : ""}sponsorship matches “${query.q}”.`
                      : query.status
                        ? `No ${labelFor(query.status).toLowerCase()} sponsorships.`
                        : "You have no sponsorships yet."}
                  </p>
                  {query.status ? (
                    <p className="mt-2">
                      <Link
                        href={hrefFor({ ...query, status: undefined, page: 1 })}
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        Show all sponsorships
                      </Link>
                    </p>
                  ) : null}
                </>
              ) : (
                <>
                  <p>There is no page {query.page}.</p>
                  <p className="mt-2">
                    <Link href={hrefFor({ ...query, page: 1 })} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                      Go to the first page
                    </Link>
                  </p>
                </>
              )}
            </div>
          }
        />
      ) : (
        <TableBox {...tools} boxClassName="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">
              Sponsorships, sorted by {query.sort_by.replace("_", " ")} ({query.sort_order === "asc" ? "ascending" : "descending"})
            </caption>
            <thead className="bg-slate-50 text-left">
              <tr>
                <SortHeader query={query} column="student_name" label="Student" />
                <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                  Type
                </th>
                <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-semibold text-slate-700">
                  Courses covered
                </th>
                <SortHeader query={query} column="amount" label="Amount" className="text-right" />
                <SortHeader query={query} column="end_date" label="Period" />
                <th scope="col" className="px-3 py-2 text-right font-semibold text-slate-700">
                  Avg. score
                </th>
                <SortHeader query={query} column="created_at" label="Created" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {sponsorships.map((item) => (
                <tr key={item.id} data-testid="sponsorship-row" className="align-top hover:bg-slate-50">
                  <td className="min-w-40 px-3 py-2">
                    <Link
                      href={`/dashboard/sponsorships/${item.id}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      data-testid="sponsorship-student"
                    >
                      {item.student.name}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      Grade {item.student.grade_level} · {item.student.school}, {item.student.county} ·{" "}
                      <Link
                        href={`/dashboard/students/${item.student.id}`}
                        className="text-brand-700 underline underline-offset-2"
                        data-testid="sponsorship-student-page"
                      >
                        Student page
                      </Link>
                    </span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{labelFor(item.type)}</td>
                  <td className="px-3 py-2">
                    <SponsorshipStatusBadge status={item.status} />
                  </td>
                  <td className="min-w-44 px-3 py-2 text-xs text-slate-700">
                    {item.courses_covered.length ? (
                      item.courses_covered.join(", ")
                    ) : (
                      <span className="text-slate-500">All enrolled courses</span>
                    )}
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    <span data-testid="sponsorship-amount">{formatMoney(item.total_amount, item.currency)}</span>
                    <span className="block text-xs text-slate-500">{formatMoney(item.amount_disbursed, item.currency)} disbursed</span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <LocalDate value={item.start_date} /> –
                    <span className="block">
                      <LocalDate value={item.end_date} />
                    </span>
                  </td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {item.student_performance.average_score === null ? (
                      <span className="text-slate-500">—</span>
                    ) : (
                      formatNumber(item.student_performance.average_score)
                    )}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <LocalDate value={item.created_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}

      {total > 0 ? <Pager page={query.page} pages={pages} hrefFor={(page) => hrefFor({ ...query, page })} /> : null}
    </div>
  );
}
