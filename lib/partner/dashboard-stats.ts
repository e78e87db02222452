/**
 * GET /partner/dashboard/stats: the overview. Every figure here is the all-time value
 * of the same quantity on another endpoint (impact, sponsored students, payments), and
 * is computed by the same function.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { toMajor } from "../money";
import { impactForPeriod } from "./impact";
import { cachedMetric } from "./metric-cache";
import { periodRange, sponsoredStudentsCte, type DateRange } from "./metrics";
import { partnerOf } from "./partner-of";
import type { dashboardStatsResponse } from "./schemas";
import { allTimeTrends } from "./sponsored-students";

const RECENT_MILESTONES = 5;

export async function getDashboardStats(options: { actor: Actor; now?: Date }): Promise<z.infer<typeof dashboardStatsResponse>> {
  const partnerId = partnerOf(options.actor);
  const now = options.now ?? new Date();
  const range = periodRange("all_time", now);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const db = getDb();

  const [impact, trends, sponsorships, programsActive, payments, nextInvoice, milestones] = await Promise.all([
    impactForPeriod({ partnerId, period: "all_time" }),
    allTimeTrends({ partnerId }),
    db.sponsorship.groupBy({ by: ["status"], where: { partnerId }, _count: true }),
    db.program.count({ where: { partnerId, status: "active" } }),
    db.payment.groupBy({ by: ["status"], where: { partnerId, status: { in: ["completed", "pending"] } }, _sum: { amountMinor: true } }),
    db.invoice.findFirst({
      where: { partnerId, status: { in: ["sent", "draft"] }, dueDate: { gte: today } },
      orderBy: [{ dueDate: "asc" }, { invoiceNumber: "asc" }],
      select: { amountMinor: true, dueDate: true, description: true },
    }),
    cachedMetric(`milestones:${partnerId}`, partnerId, () => recentMilestones(partnerId, range)),
  ]);

  const countOf = (status: string) => sponsorships.find((row) => row.status === status)?._count ?? 0;
  const paid = payments.find((row) => row.status === "completed")?._sum.amountMinor ?? 0n;
  const pending = payments.find((row) => row.status === "pending")?._sum.amountMinor ?? 0n;

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
      total_paid: toMajor(paid),
      pending_payments: toMajor(pending),
      next_scheduled_payment: nextInvoice
        ? {
            amount: toMajor(nextInvoice.amountMinor),
            date: nextInvoice.dueDate.toISOString(),
            description: nextInvoice.description ?? "Scheduled payment",
          }
        : null,
    },
    impact_snapshot: {
      students_improving: trends.improving_count,
      students_stable: trends.stable_count,
      students_declining: trends.declining_count,
      overall_completion_rate: impact.outcomes.course_completion_rate,
    },
  };
}

/**
 * The latest course completions and certificates of the partner's sponsored students,
 * newest first, each tied to what funds the student: their most recent sponsorship from
 * the partner, or, for a student funded through a program, that program.
 */
async function recentMilestones(partnerId: string, range: DateRange) {
  const until = range.to;
  const rows = await getDb().$queryRaw<Array<{ first_name: string; last_name: string; milestone: string; at: Date; sponsorship_id: string | null; program_id: string | null }>>`
    WITH ${sponsoredStudentsCte(partnerId, range)},
    events AS (
      SELECT e.student_id, e.completed_at AS at,
             'Completed ' || c.title || COALESCE(' with ' || ROUND((
               SELECT AVG(a.score) FROM assessments a WHERE a.student_id = e.student_id AND a.course_id = e.course_id
             ))::text || '% score', '') AS milestone
        FROM enrollments e JOIN sponsored sp ON sp.student_id = e.student_id JOIN courses c ON c.id = e.course_id
       WHERE e.status = 'completed' AND e.completed_at <= ${until}
      UNION ALL
      SELECT ce.student_id, ce.issued_at, 'Earned ' || ce.title
        FROM certificates ce JOIN sponsored sp ON sp.student_id = ce.student_id
       WHERE ce.issued_at <= ${until}
    ),
    latest AS (SELECT * FROM events ORDER BY at DESC, milestone LIMIT ${RECENT_MILESTONES})
    SELECT st.first_name, st.last_name, l.milestone, l.at,
           (SELECT s.id::text FROM sponsorships s
             WHERE s.partner_id = ${partnerId}::uuid AND s.student_id = l.student_id AND s.status IN ('active', 'completed')
             ORDER BY s.start_date DESC LIMIT 1) AS sponsorship_id,
           (SELECT pp.program_id::text FROM program_participants pp JOIN programs p ON p.id = pp.program_id
             WHERE p.partner_id = ${partnerId}::uuid AND pp.student_id = l.student_id AND p.status <> 'planning'
             ORDER BY pp.enrolled_at DESC, pp.program_id LIMIT 1) AS program_id
      FROM latest l JOIN students st ON st.id = l.student_id
     ORDER BY l.at DESC, l.milestone`;
  return rows.map((row) => ({
    // The spec shows first name and last initial ("Amani K."), which is what a public milestone feed should reveal.
    student_name: `${row.first_name} ${row.last_name.charAt(0)}.`,
    milestone: row.milestone,
    date: row.at.toISOString(),
    // What funds the student: their sponsorship, or else the program they take part in.
    sponsorship_id: row.sponsorship_id,
    program_id: row.sponsorship_id ? null : row.program_id,
  }));
}
