import { LocalDate } from "@/components/ui/local-date";
import Link from "next/link";
import { Panel, StatCard } from "@/components/ui/stat-card";
import { formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { requirePageActor } from "@/lib/auth/page-guard";
import { getDashboardStats } from "@/lib/sponsorship/get-dashboard-stats";
import { listActionItems } from "@/lib/events/list-action-items";
import { liveStamp } from "@/lib/live/live-stamp";
import { ActionList } from "@/modules/live/action-list";
import { LiveRefresh } from "@/modules/live/live-refresh";

export default async function DashboardPage() {
  const actor = await requirePageActor(["partner"]);
  const [{ stats, recent_milestones, payment_summary, impact_snapshot }, actionItems, stamp] = await Promise.all([
    getDashboardStats({ actor }),
    listActionItems({ actor }),
    liveStamp({ actor, subject: { kind: "dashboard" } }),
  ]);
  const currency = stats.currency;
  const trendTotal = impact_snapshot.students_improving + impact_snapshot.students_stable + impact_snapshot.students_declining;
  const trends = [
    { key: "improving", label: "Improving", count: impact_snapshot.students_improving, bar: "bg-brand-500" },
    { key: "stable", label: "Stable", count: impact_snapshot.students_stable, bar: "bg-amber-400" },
    { key: "declining", label: "Declining", count: impact_snapshot.students_declining, bar: "bg-red-500" },
  ];
  const next = payment_summary.next_scheduled_payment;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Partner dashboard</h1>
        <p className="mt-1 text-slate-600">Signed in as {actor.email}. Your sponsorships, programs, payments and their impact.</p>
        <LiveRefresh subject={{ kind: "dashboard" }} initial={stamp} />
      </header>

      <ActionList items={actionItems} />

      <section aria-labelledby="overview-heading">
        <h2 id="overview-heading" className="sr-only">
          Overview (all time)
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-4">
          <StatCard name="total_sponsorships" label="Total sponsorships" value={formatNumber(stats.total_sponsorships)} />
          <StatCard name="active_sponsorships" label="Active sponsorships" value={formatNumber(stats.active_sponsorships)} />
          <StatCard name="total_students_sponsored" label="Students sponsored" value={formatNumber(stats.total_students_sponsored)} />
          <StatCard name="total_invested" label="Paid in" value={formatMoney(stats.total_invested, currency)} />
          <StatCard
            name="average_student_score_improvement"
            label="Average score improvement"
            value={formatNumber(stats.average_student_score_improvement)}
            unit="points"
          />
          <StatCard name="courses_funded" label="Courses funded" value={formatNumber(stats.courses_funded)} />
          <StatCard name="programs_active" label="Active programs" value={formatNumber(stats.programs_active)} />
        </dl>
      </section>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Panel id="milestones-heading" title="Recent milestones">
          {recent_milestones.length === 0 ? (
            <p className="text-sm text-slate-600">
              No milestones yet. Course completions and certificates of your students will appear here.
            </p>
          ) : (
            <ol className="divide-y divide-slate-100" data-testid="recent-milestones">
              {recent_milestones.map((item) => (
                <li key={`${item.student_id}-${item.date}-${item.milestone}`} className="py-2 first:pt-0 last:pb-0">
                  <p className="text-sm">
                    <Link
                      href={`/dashboard/students/${item.student_id}`}
                      className="font-medium text-brand-700 underline underline-offset-2"
                      data-testid="milestone-student"
                    >
                      {item.student_name}
                    </Link>{" "}
                    {item.milestone}
                  </p>
                  <p className="text-xs text-slate-500">
                    <LocalDate value={item.date} />
                    {item.sponsorship_id ? (
                      <>
                        {" · "}
                        <Link
                          href={`/dashboard/sponsorships/${item.sponsorship_id}`}
                          className="text-brand-700 underline underline-offset-2"
                          data-testid="milestone-link"
                        >
                          Sponsorship
                        </Link>
                      </>
                    ) : item.program_id ? (
                      <>
                        {" · "}
                        <Link
                          href={`/dashboard/programs/${item.program_id}`}
                          className="text-brand-700 underline underline-offset-2"
                          data-testid="milestone-link"
                        >
                          Program
                        </Link>
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Panel>

        <Panel id="payments-heading" title="Payments">
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-2 sm:gap-4">
            <div>
              <dt className="text-sm text-slate-600">Total paid</dt>
              <dd className="text-xl font-semibold" data-testid="payment-total_paid">
                {formatMoney(payment_summary.total_paid, currency)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">Pending payments</dt>
              <dd className="text-xl font-semibold" data-testid="payment-pending_payments">
                {formatMoney(payment_summary.pending_payments, currency)}
              </dd>
            </div>
          </dl>
          <h3 className="mt-5 text-sm font-semibold text-slate-700">Next scheduled payment</h3>
          {next ? (
            <p className="mt-1 text-sm" data-testid="next-payment">
              <span className="font-semibold">{formatMoney(next.amount, next.currency)}</span> due <LocalDate value={next.date} />
              <span className="block text-slate-600">{next.description}</span>
              <Link href="/dashboard/payments/standing-orders" className="text-brand-700 underline-offset-2 hover:underline">
                Your standing orders
              </Link>
            </p>
          ) : (
            <p className="mt-1 text-sm text-slate-600">
              No payment is scheduled.{" "}
              <Link href="/dashboard/payments/standing-orders/new" className="text-brand-700 underline-offset-2 hover:underline">
                Set up a standing order
              </Link>
            </p>
          )}
        </Panel>
      </div>

      <Panel
        id="impact-heading"
        title="Impact snapshot"
        action={
          <Link href="/dashboard/impact" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            See full impact analytics
          </Link>
        }
      >
        <div className="grid grid-cols-1 gap-6 md:grid-cols-[2fr_1fr]">
          <div>
            <h3 className="text-sm font-semibold text-slate-700">Student performance trends</h3>
            {trendTotal > 0 ? (
              <div className="mt-2 flex h-3 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                {trends.map((trend) =>
                  trend.count > 0 ? (
                    <div key={trend.key} className={trend.bar} style={{ width: `${(trend.count / trendTotal) * 100}%` }} />
                  ) : null,
                )}
              </div>
            ) : null}
            <ul className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-3">
              {trends.map((trend) => (
                <li key={trend.key} className="flex items-center gap-2 text-sm">
                  <span className={`inline-block h-3 w-3 rounded-sm ${trend.bar}`} aria-hidden="true" />
                  <span>
                    {trend.label}: <strong data-testid={`snapshot-${trend.key}`}>{formatNumber(trend.count)}</strong>{" "}
                    {trend.count === 1 ? "student" : "students"}
                  </span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold text-slate-700">Course completion rate</h3>
            <p className="mt-1 text-3xl font-semibold text-brand-700" data-testid="snapshot-completion_rate">
              {formatPercent(impact_snapshot.overall_completion_rate)}
            </p>
          </div>
        </div>
      </Panel>
    </div>
  );
}
