import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { SponsorshipStatusBadge } from "@/modules/dashboard/sponsorships/sponsorship-badges";
import { labelFor } from "@/lib/humanize";
import { SponsorshipCourseProgress } from "@/modules/dashboard/sponsorships/sponsorship-course-progress";
import { Panel, StatCard } from "@/components/ui/stat-card";
import { requirePageActor } from "@/lib/auth/page-guard";
import { orNotFound } from "@/lib/pages/or-not-found";
import { getSponsorship } from "@/lib/sponsorship/get-sponsorship";
import { disbursementPeriods } from "@/lib/sponsorship/disbursement-calendar";
import { toMajor, toMinor } from "@/lib/money";
import { isoDay } from "@/lib/sponsorship/metrics";
import { TableBox } from "@/components/ui/table-box";

type Financial = Awaited<ReturnType<typeof getSponsorship>>["financial"];

/**
 * The sponsorship's monthly periods, each with what payments have given it: disbursed
 * once the period has started, held for it (committed) until then.
 */
function scheduleOf(financial: Financial, startDate: string, endDate: string, today: string) {
  const paidFor = new Map<string, number>();
  for (const row of financial.disbursement_history) {
    paidFor.set(row.period_start, (paidFor.get(row.period_start) ?? 0) + row.amount);
  }
  const periods = disbursementPeriods({
    startDate: new Date(startDate),
    endDate: new Date(endDate),
    amountMinor: toMinor(financial.total_amount),
  });
  return periods.map((period) => {
    const start = isoDay(period.start);
    const amount = toMajor(period.amountMinor);
    const paid = paidFor.get(start) ?? 0;
    const started = start <= today;
    const state =
      paid === 0
        ? "Not paid yet"
        : started
          ? paid >= amount
            ? "Disbursed"
            : "Partly paid, disbursed"
          : paid >= amount
            ? "Held for this period"
            : "Partly paid, held";
    return { start, amount, paid, state };
  });
}

export default async function SponsorshipDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor(["partner"]);
  const { id } = await params;
  const sponsorship = await orNotFound(getSponsorship({ actor, sponsorshipId: id }));
  const { student, financial, courses, timeline } = sponsorship;
  const currency = financial.currency;
  const disbursedPercent = financial.total_amount > 0 ? Math.round((financial.amount_disbursed / financial.total_amount) * 1000) / 10 : 0;
  const schedule = scheduleOf(financial, sponsorship.start_date, sponsorship.end_date, isoDay(new Date()));

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm">
          <Link href="/dashboard/sponsorships" className="text-brand-700 underline-offset-2 hover:underline">
            ← Sponsorships
          </Link>
        </p>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">
            Sponsorship for{" "}
            <Link
              href={`/dashboard/students/${student.id}`}
              className="text-brand-700 underline-offset-2 hover:underline"
              data-testid="sponsorship-student-link"
            >
              {student.name}
            </Link>
          </h1>
          <SponsorshipStatusBadge status={sponsorship.status} />
        </div>
        <p className="mt-1 text-slate-600">
          {labelFor(sponsorship.type)} · Grade {student.grade_level} · <LocalDate value={sponsorship.start_date} /> to{" "}
          <LocalDate value={sponsorship.end_date} />
        </p>
      </header>

      <section aria-labelledby="financial-heading">
        <h2 id="financial-heading" className="text-lg font-semibold">
          Financial summary
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-5">
          <StatCard
            name="total_amount"
            label="Total amount"
            value={formatMoney(financial.total_amount, currency)}
            hint={`${formatNumber(schedule.length)} monthly ${schedule.length === 1 ? "period" : "periods"}`}
          />
          <StatCard
            name="amount_paid_in"
            label="Paid in"
            value={formatMoney(financial.amount_paid_in, currency)}
            hint={financial.amount_unpaid > 0 ? `${formatMoney(financial.amount_unpaid, currency)} not paid yet` : "Fully paid"}
          />
          <StatCard
            name="amount_disbursed"
            label="Disbursed"
            value={formatMoney(financial.amount_disbursed, currency)}
            hint={`${formatPercent(disbursedPercent)} of the total, for periods that have started`}
          />
          <StatCard
            name="amount_committed"
            label="Committed"
            value={formatMoney(financial.amount_committed, currency)}
            hint="Paid in, held for coming periods"
          />
          <StatCard
            name="amount_remaining"
            label="Remaining"
            value={formatMoney(financial.amount_remaining, currency)}
            hint="Still to be disbursed"
          />
        </dl>
        <p className="mt-2 text-xs text-slate-600">
          The amount is split into equal monthly periods from the start date to the end date. Money paid in for a period is disbursed when
          the period starts; until then it is committed, held for that period.
        </p>
      </section>

      <Panel id="schedule-heading" title="Disbursement schedule">
        <TableBox label="Disbursement schedule table" search="rows" exportFilename="disbursement-schedule.csv">
          <table className="min-w-full text-sm" data-testid="disbursement-schedule">
            <thead className="text-left text-slate-600">
              <tr>
                <th scope="col" className="pb-2 font-medium">
                  Period from
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  Amount
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  Paid in
                </th>
                <th scope="col" className="pb-2 pl-3 font-medium">
                  State
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {schedule.map((period) => (
                <tr key={period.start} data-testid="schedule-period" data-state={period.state}>
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <LocalDate value={period.start} />
                  </td>
                  <td className="py-2 text-right whitespace-nowrap">{formatMoney(period.amount, currency)}</td>
                  <td className="py-2 text-right whitespace-nowrap">{formatMoney(period.paid, currency)}</td>
                  <td className="py-2 pl-3">{period.state}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableBox>
      </Panel>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel id="courses-heading" title="Course progress">
          <SponsorshipCourseProgress courses={courses} />
        </Panel>

        <Panel id="disbursements-heading" title="Disbursement history">
          {financial.disbursement_history.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing has been paid in yet.</p>
          ) : (
            <TableBox label="Disbursement history table" search="rows" exportFilename="disbursements.csv">
              <table className="min-w-full text-sm" data-testid="disbursements">
                <thead className="text-left text-slate-600">
                  <tr>
                    <th scope="col" className="pb-2 font-medium">
                      Date
                    </th>
                    <th scope="col" className="pb-2 font-medium">
                      Description
                    </th>
                    <th scope="col" className="pb-2 font-medium">
                      State
                    </th>
                    <th scope="col" className="pb-2 text-right font-medium">
                      Amount
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {financial.disbursement_history.map((item, index) => (
                    <tr key={`${item.date}-${index}`}>
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <LocalDate value={item.date} />
                      </td>
                      <td className="py-2 pr-3">{item.description}</td>
                      <td className="py-2 pr-3" data-testid="disbursement-status">
                        {item.status === "disbursed" ? "Disbursed" : "Scheduled"}
                      </td>
                      <td className="py-2 text-right whitespace-nowrap">{formatMoney(item.amount, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableBox>
          )}
        </Panel>
      </div>

      <Panel id="timeline-heading" title="Timeline">
        {timeline.length === 0 ? (
          <p className="text-sm text-slate-600">No events yet.</p>
        ) : (
          <ol className="relative space-y-4 border-l border-slate-200 pl-5" data-testid="timeline">
            {timeline.map((item, index) => (
              <li key={`${item.date}-${index}`} className="relative">
                <span
                  className="absolute top-1.5 -left-[1.6rem] h-2.5 w-2.5 rounded-full bg-brand-500 ring-4 ring-white"
                  aria-hidden="true"
                />
                <p className="text-xs text-slate-500">
                  <LocalDate value={item.date} />
                </p>
                <p className="text-sm">{item.event}</p>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-4 text-xs text-slate-500">
          Created <LocalDate value={sponsorship.created_at} /> · {formatNumber(courses.length)}{" "}
          {courses.length === 1 ? "course" : "courses"}
        </p>
      </Panel>
    </div>
  );
}
