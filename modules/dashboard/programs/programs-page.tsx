import { LocalDate } from "@/components/ui/local-date";
import { FilterNav } from "@/components/ui/filter-nav";
import { Pager } from "@/components/ui/pager";
import { StatusBadge } from "@/components/ui/status-badge";
import Link from "next/link";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAllows } from "@/lib/organizations/permissions";
import { labelFor } from "@/lib/humanize";
import { listPrograms } from "@/lib/sponsorship/list-programs";
import { PROGRAM_STATUSES } from "@/lib/sponsorship/schemas/programs";
import { HeaderAction, PartnerPageHeader } from "@/components/ui/page-header";

type SearchParams = Record<string, string | string[] | undefined>;
type ProgramStatus = (typeof PROGRAM_STATUSES)[number];

const first = (params: SearchParams, key: string) => {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

function hrefFor(status?: ProgramStatus, page?: number): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (page && page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/dashboard/programs?${query}` : "/dashboard/programs";
}

export default async function ProgramsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const params = await searchParams;
  const statusParam = first(params, "status");
  const status = (PROGRAM_STATUSES as readonly string[]).includes(statusParam ?? "") ? (statusParam as ProgramStatus) : undefined;
  const pageParam = Number(first(params, "page"));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const result = await listPrograms({ actor, query: { page, limit: 20, status } });
  const filters = [undefined, ...PROGRAM_STATUSES].map((value) => ({
    key: value ?? "all",
    label: value ? labelFor(value) : "All",
    href: hrefFor(value),
    current: value === status,
  }));

  return (
    <div className="space-y-6">
      <PartnerPageHeader
        title="Programs"
        actions={roleAllows(actor.memberRole, "work") ? <HeaderAction href="/dashboard/programs/new">New program</HeaderAction> : undefined}
      >
        Your programs, their enrolment against target, and how much of each budget has been spent.
      </PartnerPageHeader>

      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <FilterNav label="Program status" title="Status" options={filters} />
      </div>

      {result.programs.length === 0 ? (
        <p
          role="status"
          className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600"
          data-testid="programs-empty"
        >
          {status ? `No ${labelFor(status).toLowerCase()} programs.` : "You have no programs yet."}
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="program-list" aria-label="Programs">
          {result.programs.map((program) => {
            const spentPercent = program.budget > 0 ? Math.min(100, (program.spent / program.budget) * 100) : 0;
            const enrolledPercent =
              program.target_students > 0 ? Math.min(100, (program.enrolled_students / program.target_students) * 100) : 0;
            return (
              <li key={program.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="program-card">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="text-lg font-semibold">
                    <Link href={`/dashboard/programs/${program.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {program.name}
                    </Link>
                  </h2>
                  <StatusBadge status={program.status} testId="program-status" />
                </div>
                <p className="mt-1 line-clamp-2 text-sm text-slate-600">{program.description}</p>
                <p className="mt-1 text-xs text-slate-500">
                  <LocalDate value={program.start_date} /> – <LocalDate value={program.end_date} />
                  {program.courses.length ? ` · ${program.courses.join(", ")}` : ""}
                </p>
                <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4">
                  <div>
                    <dt className="text-sm text-slate-600">Enrolled / target</dt>
                    <dd className="font-semibold" data-testid="program-enrolment">
                      {formatNumber(program.enrolled_students)} / {formatNumber(program.target_students)}
                    </dd>
                    <dd className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                      <div className="h-full bg-sky-500" style={{ width: `${enrolledPercent}%` }} />
                    </dd>
                  </div>
                  <div>
                    <dt className="text-sm text-slate-600">Spent of budget</dt>
                    <dd className="font-semibold" data-testid="program-spent">
                      {formatMoney(program.spent, program.currency)}{" "}
                      <span className="font-normal text-slate-500">of {formatMoney(program.budget, program.currency)}</span>
                    </dd>
                    <dd className="mt-1">
                      <div
                        role="progressbar"
                        aria-label={`Budget used for ${program.name}`}
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={Math.round(spentPercent)}
                        aria-valuetext={formatPercent(Math.round(spentPercent * 10) / 10)}
                        className="h-2 overflow-hidden rounded-full bg-slate-100"
                      >
                        <div
                          className={`h-full ${spentPercent >= 90 ? "bg-amber-500" : "bg-brand-500"}`}
                          style={{ width: `${spentPercent}%` }}
                        />
                      </div>
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}

      {result.pages > 1 ? <Pager page={page} pages={result.pages} hrefFor={(target) => hrefFor(status, target)} /> : null}
    </div>
  );
}
