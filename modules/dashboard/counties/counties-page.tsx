import { FilterNav } from "@/components/ui/filter-nav";
import { PartnerPageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/page-guard";
import { formatMoney, formatNumber } from "@/lib/format";
import { getCountyPortfolio } from "@/lib/sponsorship/get-county-portfolio";
import { CountyMap, MEASURE_LABELS, MEASURES, type Measure } from "./county-map";

type SearchParams = Record<string, string | string[] | undefined>;

const signed = (value: number) => `${value > 0 ? "+" : ""}${formatNumber(value)}`;

export default async function CountiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor(["partner"]);
  const asked = (await searchParams).measure;
  const measure: Measure = MEASURES.find((m) => m === (Array.isArray(asked) ? asked[0] : asked)) ?? "students";
  const { counties, currency } = await getCountyPortfolio({ actor });
  const reached = counties.filter((c) => c.students > 0);
  const totals = {
    students: counties.reduce((sum, c) => sum + c.students, 0),
    disbursed: counties.reduce((sum, c) => sum + c.disbursed, 0),
  };

  return (
    <div className="space-y-6">
      <PartnerPageHeader title="Portfolio by county">
        Where the students you fund live, across Kenya&apos;s 47 counties, over all time. Your students live in{" "}
        {formatNumber(reached.length)} of them.
      </PartnerPageHeader>

      <section aria-labelledby="map-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="map-heading" className="text-lg font-semibold">
          Map
        </h2>
        <div className="mt-3 space-y-4">
          <FilterNav
            label="Colour by"
            options={MEASURES.map((key) => ({
              key,
              label: MEASURE_LABELS[key],
              href: key === "students" ? "/dashboard/counties" : `/dashboard/counties?measure=${key}`,
              current: key === measure,
            }))}
          />
          <CountyMap counties={counties} measure={measure} currency={currency} />
        </div>
      </section>

      <section aria-labelledby="table-heading" className="space-y-3">
        <h2 id="table-heading" className="text-lg font-semibold">
          Every county
        </h2>
        <dl className="grid grid-cols-1 gap-2 text-sm text-slate-700 md:grid-cols-3">
          <div>
            <dt className="font-medium">Students sponsored</dt>
            <dd>Students your sponsorships and programs funded at some time, by the county they live in now.</dd>
          </div>
          <div>
            <dt className="font-medium">Disbursed to sponsorships</dt>
            <dd>
              The part of the money you paid in that went to these students&apos; sponsorships, for periods that have started. Money paid to
              a program and not passed to a sponsorship is in no county.
            </dd>
          </div>
          <div>
            <dt className="font-medium">Score improvement</dt>
            <dd>
              As on the impact page: each measured student&apos;s recent average minus their baseline before your funding began, averaged
              over the county, in points.
            </dd>
          </div>
        </dl>
        <div
          className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
          tabIndex={0}
          aria-label="Portfolio by county"
        >
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="county-table">
            <caption className="sr-only">Students sponsored, money disbursed and score improvement in each county</caption>
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  County
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Students sponsored
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Disbursed to sponsorships
                </th>
                <th scope="col" className="px-3 py-2 text-right font-semibold">
                  Score improvement
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {counties.map((county) => (
                <tr key={county.code} data-testid="county-row" className={county.students === 0 ? "text-slate-500" : undefined}>
                  <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                    {county.name} <span className="text-xs font-normal text-slate-500">({county.code})</span>
                  </th>
                  <td className="px-3 py-2 text-right">{formatNumber(county.students)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">{formatMoney(county.disbursed, currency)}</td>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {county.improvement === null ? (
                      <span className="text-slate-500">{county.students === 0 ? "—" : "Not measured"}</span>
                    ) : (
                      <>
                        {signed(county.improvement)} points
                        <span className="block text-xs text-slate-500">{formatNumber(county.studentsMeasured)} measured</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot className="bg-slate-50 font-semibold">
              <tr>
                <th scope="row" className="px-3 py-2 text-left">
                  All counties
                </th>
                <td className="px-3 py-2 text-right">{formatNumber(totals.students)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">{formatMoney(totals.disbursed, currency)}</td>
                <td className="px-3 py-2 text-right text-xs font-normal text-slate-600">See the impact page</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
    </div>
  );
}
