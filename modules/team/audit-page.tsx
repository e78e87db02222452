import Link from "next/link";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { SelectField } from "@/components/ui/select-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { TableBox } from "@/components/ui/table-box";
import { TextField } from "@/components/ui/text-field";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { AUDIT_CSV_MAX_ROWS, listAuditEventsQuery } from "@/lib/audit/schemas/audit-events";
import { formatNumber } from "@/lib/format";
import { searchTerm } from "@/lib/schemas/search";
import { listMembers } from "@/lib/organizations/list-members";
import { roleAllows } from "@/lib/organizations/permissions";
import { RoleRefusal } from "@/modules/layout/role-refusal";

type SearchParams = Record<string, string | string[] | undefined>;
type Query = z.output<typeof listAuditEventsQuery> & { q?: string };

const PATH = "/team/audit";
const EXPORT_PATH = "/team/audit/export";
const DEFAULTS = listAuditEventsQuery.parse({});
const back = { href: "/team", label: "Team" };

/** Reads the query string with the API's schema; empty fields are absent, and anything invalid falls back to the defaults. */
function parseQuery(params: SearchParams): { query: Query; invalid: boolean } {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first.trim() !== "" && key !== "format" && key !== "q") flat[key] = first;
  }
  const parsed = listAuditEventsQuery.safeParse(flat);
  const q = searchTerm(params.q);
  return parsed.success ? { query: { ...parsed.data, q }, invalid: false } : { query: { ...DEFAULTS, q }, invalid: true };
}

const day = (date: Date | undefined) => date?.toISOString().slice(0, 10);

/** The filters as query parameters, defaults left out; the page and the export share them. */
function filterParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of [
    ["user_id", query.user_id],
    ["action", query.action],
    ["channel", query.channel],
    ["succeeded", query.succeeded],
    ["from", day(query.from)],
    ["to", day(query.to)],
  ] as const) {
    if (value) params.set(key, value);
  }
  return params;
}

function hrefFor(query: Query, page: number): string {
  const params = filterParams(query);
  if (query.q) params.set("q", query.q);
  if (page > 1) params.set("page", String(page));
  if (query.limit !== DEFAULTS.limit) params.set("limit", String(query.limit));
  const search = params.toString();
  return search ? `${PATH}?${search}` : PATH;
}

function exportHref(query: Query): string {
  const params = filterParams(query);
  if (query.q) params.set("q", query.q);
  return params.size ? `${EXPORT_PATH}?${params.toString()}` : EXPORT_PATH;
}

/** Long values (ids, user agents) cut for the table; the whole value is in the tooltip and the CSV. */
const shorten = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

const th = "px-3 py-2 font-semibold text-slate-700";

/** The organisation's audit log, for its owners and admins: who did what, when and from where. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner", "brand", "creator"]);
  if (!roleAllows(actor.memberRole, "manage")) return <RoleRefusal actor={actor} permission="manage" title="Audit log" back={back} />;
  const { query, invalid } = parseQuery(await searchParams);
  const [team, log] = await Promise.all([listMembers({ actor }), listAuditEvents({ actor, query, q: query.q })]);
  const { audit_events: events, pagination } = log;
  const filtered = filterParams(query).size > 0 || query.q !== undefined;
  const tools = {
    label: "Audit log table",
    search: {
      action: PATH,
      q: query.q ?? "",
      params: Object.fromEntries(filterParams(query)),
      placeholder: "Member, email, action or error",
    },
    searchLabel: "Search the audit log",
    exportHref: exportHref(query),
    exportTestId: "audit-export",
    exportNote:
      pagination.total > AUDIT_CSV_MAX_ROWS
        ? `The export holds the newest ${formatNumber(AUDIT_CSV_MAX_ROWS)} of these entries.`
        : undefined,
  };

  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Audit log" back={back}>
        Every change asked for in {team.organization.name}, through the app or the API, made or refused: who, when and from where.
      </PartnerPageHeader>

      <section aria-label="Filters" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {invalid ? (
          <p role="alert" className="mb-3 text-sm text-red-700">
            Those filters could not be read (a date, perhaps, or the last day before the first); showing everything instead.
          </p>
        ) : null}
        <form method="get" action={PATH} aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3">
          <div className="min-w-48">
            <SelectField
              label="Member"
              name="user_id"
              defaultValue={query.user_id ?? ""}
              placeholder="Everyone"
              options={team.members.map((member) => ({ value: member.user_id, label: member.name }))}
            />
          </div>
          <div className="min-w-48">
            <TextField label="Action" name="action" defaultValue={query.action ?? ""} placeholder="e.g. proposal, POST" />
          </div>
          <div className="min-w-32">
            <SelectField
              label="Channel"
              name="channel"
              defaultValue={query.channel ?? ""}
              placeholder="Both"
              options={[
                { value: "app", label: "App" },
                { value: "api", label: "API" },
              ]}
            />
          </div>
          <div className="min-w-32">
            <SelectField
              label="Outcome"
              name="succeeded"
              defaultValue={query.succeeded ?? ""}
              placeholder="Any"
              options={[
                { value: "true", label: "Succeeded" },
                { value: "false", label: "Refused" },
              ]}
            />
          </div>
          <div className="min-w-36">
            <TextField label="From" name="from" type="date" defaultValue={day(query.from) ?? ""} />
          </div>
          <div className="min-w-36">
            <TextField label="To" name="to" type="date" defaultValue={day(query.to) ?? ""} />
          </div>
          {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
          <Button type="submit">Apply filters</Button>
          {filtered ? (
            <Link href={PATH} className="py-2 text-sm text-brand-700 underline-offset-2 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </form>
      </section>

      {events.length === 0 ? (
        <TableBox
          {...tools}
          empty={
            <p role="status" className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
              {pagination.total > 0
                ? `There is no page ${query.page}.`
                : filtered
                  ? "Nothing matches these filters."
                  : "Nothing recorded yet."}
            </p>
          }
        />
      ) : (
        <TableBox {...tools} boxClassName="rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-left text-sm" data-testid="audit-table">
            <caption className="sr-only">
              Audit log, newest first ({pagination.total} {pagination.total === 1 ? "entry" : "entries"})
            </caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={th}>
                  When
                </th>
                <th scope="col" className={th}>
                  Who
                </th>
                <th scope="col" className={th}>
                  Channel
                </th>
                <th scope="col" className={th}>
                  Action
                </th>
                <th scope="col" className={th}>
                  Target
                </th>
                <th scope="col" className={th}>
                  Outcome
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Status
                </th>
                <th scope="col" className={th}>
                  From where
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {events.map((event) => (
                <tr key={event.id} className="align-top" data-testid="audit-row">
                  <td className="px-3 py-2 whitespace-nowrap">
                    <LocalDate value={event.occurred_at} time />
                  </td>
                  <td className="px-3 py-2">
                    <span className="font-medium">{event.member ?? "Former account"}</span>
                    {event.email ? <span className="block text-xs text-slate-500">{event.email}</span> : null}
                    {event.api_key_id ? <span className="block text-xs text-slate-500">with an API key</span> : null}
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{event.channel === "api" ? "API" : "App"}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all" data-testid="audit-action">
                    {event.action}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs">
                    {Object.entries(event.target).map(([key, value]) => {
                      const text = Array.isArray(value) ? value.join("/") : value;
                      return (
                        <span key={key} className="block whitespace-nowrap" title={text}>
                          {key}: {shorten(text, 8)}
                        </span>
                      );
                    })}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge
                      status={event.succeeded ? "succeeded" : "refused"}
                      tone={event.succeeded ? "success" : "danger"}
                      label={event.succeeded ? "Succeeded" : "Refused"}
                    />
                    {event.error ? <span className="mt-1 block max-w-64 text-xs text-slate-600">{event.error}</span> : null}
                  </td>
                  <td className="px-3 py-2 text-right font-mono text-xs">{event.status}</td>
                  <td className="px-3 py-2 text-xs text-slate-600">
                    <span className="block font-mono">{event.ip_address ?? "—"}</span>
                    {event.user_agent ? (
                      <span className="block max-w-56 truncate" title={event.user_agent}>
                        {shorten(event.user_agent, 60)}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      )}

      {pagination.total > 0 ? <Pager page={query.page} pages={pagination.pages} hrefFor={(page) => hrefFor(query, page)} /> : null}
    </div>
  );
}
