import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import type { z } from "zod";
import { formatNumber } from "@/lib/format";
import { labelFor } from "@/lib/humanize";
import { FilterNav } from "@/components/ui/filter-nav";
import { Pager } from "@/components/ui/pager";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { StatCard } from "@/components/ui/stat-card";
import { TextField } from "@/components/ui/text-field";
import { StudentTrendBadge } from "@/modules/dashboard/students/student-trend-badge";
import { requirePageActor } from "@/lib/auth/page-guard";
import { sponsoredStudentsQuery } from "@/lib/sponsorship/schemas/students";
import { listSponsoredStudents } from "@/lib/sponsorship/list-sponsored-students";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { TableBox } from "@/components/ui/table-box";
import { EXPORT_MAX_ROWS, searchTerm } from "@/lib/schemas/search";

type SearchParams = Record<string, string | string[] | undefined>;
type Query = z.output<typeof sponsoredStudentsQuery> & { q?: string };
type Performance = NonNullable<Query["performance"]>;

const DEFAULTS = sponsoredStudentsQuery.parse({});
const PERFORMANCES: Performance[] = ["improving", "stable", "declining"];

/** Reads the query string with the API's schema (`grade_level` or the shorter `grade`); invalid input falls back to the defaults. */
function parseQuery(params: SearchParams): Query {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") flat[key === "grade" ? "grade_level" : key] = first;
  }
  const parsed = sponsoredStudentsQuery.safeParse(flat);
  return { ...(parsed.success ? parsed.data : DEFAULTS), q: searchTerm(flat.q) };
}

/** The filters as query parameters, defaults left out; the page, its search and its export share them. */
function filterParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  if (query.performance) params.set("performance", query.performance);
  if (query.grade_level !== undefined) params.set("grade_level", String(query.grade_level));
  if (query.county) params.set("county", query.county);
  return params;
}

function hrefFor(query: Query): string {
  const params = filterParams(query);
  if (query.q) params.set("q", query.q);
  if (query.page > 1) params.set("page", String(query.page));
  if (query.limit !== DEFAULTS.limit) params.set("limit", String(query.limit));
  const search = params.toString();
  return search ? `/dashboard/students?${search}` : "/dashboard/students";
}

export default async function StudentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const query = parseQuery(await searchParams);
  const { students, total, pages, aggregate } = await listSponsoredStudents({
    actor,
    page: query.page,
    limit: query.limit,
    gradeLevel: query.grade_level,
    county: query.county,
    performance: query.performance,
    q: query.q,
  });
  const filtered =
    query.performance !== undefined || query.grade_level !== undefined || query.county !== undefined || query.q !== undefined;
  const clearHref = hrefFor({ ...DEFAULTS, limit: query.limit });

  const searchParamsKept = filterParams(query);
  if (query.limit !== DEFAULTS.limit) searchParamsKept.set("limit", String(query.limit));
  const exportParams = filterParams(query);
  if (query.q) exportParams.set("q", query.q);
  const tools = {
    label: "Sponsored students table",
    search: {
      action: "/dashboard/students",
      q: query.q ?? "",
      params: Object.fromEntries(searchParamsKept),
      placeholder: "Student name or school",
    },
    searchLabel: "Search students",
    exportHref: `/dashboard/students/export${exportParams.size ? `?${exportParams}` : ""}`,
    exportTestId: "students-export",
    exportNote: total > EXPORT_MAX_ROWS ? `The export holds the first ${formatNumber(EXPORT_MAX_ROWS)} of these students.` : undefined,
  };

  const performanceOptions = [
    { key: "all", label: "All", href: hrefFor({ ...query, performance: undefined, page: 1 }), current: query.performance === undefined },
    ...PERFORMANCES.map((key) => ({
      key,
      label: labelFor(key),
      href: hrefFor({ ...query, performance: key, page: 1 }),
      current: query.performance === key,
    })),
  ];

  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Sponsored students">
        Everyone your sponsorships and programs reach, with their progress over all time.
      </PartnerPageHeader>

      <section aria-labelledby="aggregate-heading">
        <h2 id="aggregate-heading" className="sr-only">
          {filtered ? "Totals for these filters" : "Totals"}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-5">
          <StatCard name="students_total" label={filtered ? "Matching students" : "Students"} value={formatNumber(total)} />
          <StatCard
            name="average_score_all"
            label="Average score"
            value={aggregate.average_score_all === null ? "—" : formatNumber(aggregate.average_score_all)}
          />
          <StatCard name="improving_count" label="Improving" value={formatNumber(aggregate.improving_count)} />
          <StatCard name="stable_count" label="Stable" value={formatNumber(aggregate.stable_count)} />
          <StatCard name="declining_count" label="Declining" value={formatNumber(aggregate.declining_count)} />
        </dl>
      </section>

      <div className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:flex-row md:items-end md:justify-between">
        <FilterNav label="Performance" options={performanceOptions} />
        <form method="get" action="/dashboard/students" aria-label="Filter students" className="flex flex-wrap items-end gap-3">
          {query.performance ? <input type="hidden" name="performance" value={query.performance} /> : null}
          {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
          {query.limit !== DEFAULTS.limit ? <input type="hidden" name="limit" value={query.limit} /> : null}
          <div className="min-w-32">
            <SelectField
              label="Grade"
              name="grade_level"
              defaultValue={query.grade_level ?? ""}
              placeholder="All grades"
              options={Array.from({ length: 12 }, (_, index) => ({ value: String(index + 1), label: `Grade ${index + 1}` }))}
            />
          </div>
          <div className="min-w-40">
            <TextField label="County" name="county" type="text" defaultValue={query.county ?? ""} placeholder="Any county" />
          </div>
          <Button type="submit">Apply filters</Button>
          {filtered ? (
            <Link href={clearHref} className="py-2 text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </form>
      </div>

      {students.length === 0 ? (
        <TableBox
          {...tools}
          empty={
            <div
              role="status"
              className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
              data-testid="students-empty"
            >
              {total === 0 ? (
                <p>
                  {query.q
                    ? `No sponsored students${query.performance || query.grade_level || query.county ? " with these filters" : ""} match “${query.q}”.`
                    : filtered
                      ? "No sponsored students match these filters."
                      : "You do not sponsor any students yet."}
                </p>
              ) : (
                <p>
                  There is no page {query.page}.{" "}
                  <Link href={hrefFor({ ...query, page: 1 })} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    Go to the first page
                  </Link>
                </p>
              )}
              {total === 0 && filtered ? (
                <p className="mt-2">
                  <Link href={clearHref} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    Clear filters
                  </Link>
                </p>
              ) : null}
            </div>
          }
        />
      ) : (
        <TableBox {...tools} boxClassName="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Sponsored students, by name</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Student
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Sponsorship
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Courses
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Avg. score
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Trend
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  AI tutor sessions
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Last active
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {students.map((student) => (
                <tr key={student.id} data-testid="student-row" className="align-top">
                  <td className="px-3 py-2">
                    <Link
                      href={`/dashboard/students/${student.id}`}
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                      data-testid="student-link"
                    >
                      {student.name}
                    </Link>
                    <span className="block text-xs text-slate-500">
                      Grade {student.grade_level} · {student.county}
                    </span>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{labelFor(student.sponsorship_type)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {formatNumber(student.courses_completed)} of {formatNumber(student.courses_enrolled)} done
                  </td>
                  <td className="px-3 py-2 text-right">
                    {student.average_score === null ? <span className="text-slate-500">—</span> : formatNumber(student.average_score)}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <StudentTrendBadge trend={student.performance_trend} change={student.score_change} />
                  </td>
                  <td className="px-3 py-2 text-right">{formatNumber(student.ai_tutor_sessions)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {student.last_active ? <LocalDate value={student.last_active} /> : <span className="text-slate-500">Never</span>}
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
