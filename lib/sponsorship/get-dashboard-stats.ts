/**
 * GET /partner/dashboard/stats: the overview. Every figure here is the all-time value
 * of the same quantity on another endpoint (impact, sponsored students, payments), and
 * is computed by the same function.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { computePortfolio } from "./compute-impact";
import { addMonths, monthSql, type Window } from "./metrics";
import { cachedMetric } from "./metric-cache";
import { partnerOf } from "./partner-of";
import { partnerWindow } from "./partner-window";
import { initialName } from "./shareable-names";
import type { dashboardStatsResponse } from "./schemas/dashboard";

const RECENT_MILESTONES = 5;

type DashboardStats = z.infer<typeof dashboardStatsResponse>;

export interface GetDashboardStatsOptions {
  actor: Actor;
  /** Figures as of this instant, bypassing the cache. */
  now?: Date;
}

export async function getDashboardStats(options: GetDashboardStatsOptions): Promise<DashboardStats> {
  const partnerId = partnerOf(options.actor, "read");
  if (options.now) return computeDashboardStats(partnerId, options.now);
  return cachedMetric(`dashboard:${partnerId}`, partnerId, () => computeDashboardStats(partnerId, new Date()));
}

async function computeDashboardStats(partnerId: string, now: Date): Promise<DashboardStats> {
  const db = getDb();
  const window = await partnerWindow(partnerId, "all_time", now);

  const [{ impact, trends }, sponsorships, programsActive, pending, nextStandingOrder, milestones] = await Promise.all([
    computePortfolio({ partnerId, window, comparisons: false }),
    db.sponsorship.groupBy({ by: ["status"], where: { partnerId }, _count: true }),
    db.program.count({ where: { partnerId, status: "active" } }),
    db.$queryRaw<Array<{ minor: string | null }>>`
      SELECT SUM(p.amount_minor)::text AS minor FROM payments p JOIN organizations o ON o.id = p.partner_id
       WHERE p.partner_id = ${partnerId}::uuid AND p.status = 'pending' AND p.currency = o.reporting_currency`,
    // What is scheduled is what the partner's active standing orders will charge next, not what is already being paid.
    db.standingOrder.findFirst({
      where: { partnerId, status: "active", nextDueDate: { not: null } },
      orderBy: [{ nextDueDate: "asc" }, { createdAt: "asc" }],
      select: { amountMinor: true, currency: true, nextDueDate: true, description: true },
    }),
    recentMilestones(partnerId, window),
  ]);

  const countOf = (status: string) => sponsorships.find((row) => row.status === status)?._count ?? 0;

  return {
    stats: {
      total_sponsorships: sponsorships.reduce((sum, row) => sum + row._count, 0),
      active_sponsorships: countOf("active"),
      total_students_sponsored: impact.students_reached,
      total_invested: impact.total_investment,
      currency: impact.currency,
      average_student_score_improvement: impact.outcomes.average_score_improvement,
      courses_funded: impact.courses_funded,
      programs_active: programsActive,
    },
    recent_milestones: milestones,
    payment_summary: {
      // Paid in, as everywhere: completed payments in the reporting currency.
      total_paid: impact.money.paid_in,
      // Pending payments in the reporting currency (others have no rate until they settle).
      pending_payments: toMajor(BigInt(pending[0]?.minor ?? 0)),
      next_scheduled_payment: nextStandingOrder
        ? {
            amount: toMajor(nextStandingOrder.amountMinor),
            currency: nextStandingOrder.currency,
            date: nextStandingOrder.nextDueDate!.toISOString(),
            description: nextStandingOrder.description ?? "Standing order",
          }
        : null,
    },
    impact_snapshot: {
      students_improving: trends.improving_count,
      students_stable: trends.stable_count,
      students_declining: trends.declining_count,
      overall_completion_rate: impact.outcomes.course_completion_rate,
      students_not_measured: trends.not_measured_count,
    },
    money: impact.money,
  };
}

/**
 * The latest course completions and certificates credited to the partner, newest first,
 * each tied to what funds the student: their most recent sponsorship from the partner,
 * or, for a student funded through a program, that program. The summaries say which
 * months hold the latest ones; only those months' records are read.
 */
async function recentMilestones(partnerId: string, window: Window) {
  const db = getDb();
  const months = await db.$queryRaw<Array<{ month: Date; n: number }>>`
    SELECT month, (completions + certificates)::int AS n FROM partner_months
     WHERE partner_id = ${partnerId}::uuid AND month <= ${monthSql(window.lastMonth)} AND completions + certificates > 0
     ORDER BY month DESC LIMIT ${RECENT_MILESTONES}`;
  let needed = RECENT_MILESTONES;
  const chosen: Date[] = [];
  for (const row of months) {
    if (needed <= 0) break;
    chosen.push(row.month);
    needed -= row.n;
  }
  if (chosen.length === 0) return [];
  const from = chosen.at(-1)!;
  const until = addMonths(chosen[0]!, 1);
  const rows = await db.$queryRaw<
    Array<{
      student_id: string;
      first_name: string;
      last_name: string;
      milestone: string;
      at: Date;
      sponsorship_id: string | null;
      program_id: string | null;
    }>
  >`
    WITH candidates AS (
      SELECT DISTINCT student_id FROM credited_student_months
       WHERE partner_id = ${partnerId}::uuid AND month >= ${monthSql(from)} AND month < ${monthSql(until)} AND completions + certificates > 0
    ),
    events AS (
      SELECT e.student_id, e.completed_at AS at, 'c' AS kind, e.course_id, c.title
        FROM candidates ca JOIN enrollments e ON e.student_id = ca.student_id JOIN courses c ON c.id = e.course_id
       WHERE e.completed_at >= ${from}::timestamptz AND e.completed_at < ${until}::timestamptz
      UNION ALL
      SELECT ce.student_id, ce.issued_at, 'f', NULL, ce.title
        FROM candidates ca JOIN certificates ce ON ce.student_id = ca.student_id
       WHERE ce.issued_at >= ${from}::timestamptz AND ce.issued_at < ${until}::timestamptz
    ),
    latest AS (
      SELECT ev.* FROM events ev
       WHERE ev.at < ${window.until}::timestamptz
         AND EXISTS (SELECT 1 FROM funding_spells s WHERE s.partner_id = ${partnerId}::uuid AND s.student_id = ev.student_id AND ev.at >= s.starts_at AND ev.at < s.ends_at)
       ORDER BY ev.at DESC, ev.kind, ev.title LIMIT ${RECENT_MILESTONES}
    )
    SELECT st.id::text AS student_id, st.first_name, st.last_name, l.at,
           CASE WHEN l.kind = 'c'
                THEN 'Completed ' || l.title || COALESCE(' with ' || ROUND((
                       SELECT AVG(a.score) FROM assessments a WHERE a.student_id = l.student_id AND a.course_id = l.course_id
                     ))::text || '% score', '')
                ELSE 'Earned ' || l.title END AS milestone,
           (SELECT s.id::text FROM sponsorships s
             WHERE s.partner_id = ${partnerId}::uuid AND s.student_id = l.student_id AND s.status IN ('active', 'completed')
             ORDER BY s.start_date DESC LIMIT 1) AS sponsorship_id,
           (SELECT pp.program_id::text FROM program_participants pp JOIN programs p ON p.id = pp.program_id
             WHERE p.partner_id = ${partnerId}::uuid AND pp.student_id = l.student_id AND p.status <> 'planning'
             ORDER BY pp.enrolled_at DESC, pp.program_id LIMIT 1) AS program_id
      FROM latest l JOIN students st ON st.id = l.student_id
     ORDER BY l.at DESC, l.kind, l.title`;
  return rows.map((row) => ({
    // The spec shows first name and last initial ("Amani K."), which is what a public milestone feed should reveal.
    student_id: row.student_id,
    student_name: initialName(row.first_name, row.last_name),
    milestone: row.milestone,
    date: row.at.toISOString(),
    // What funds the student: their sponsorship, or else the program they take part in.
    sponsorship_id: row.sponsorship_id,
    program_id: row.sponsorship_id ? null : row.program_id,
  }));
}
