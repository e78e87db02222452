/** GET /partner/sponsorships/{id}: one of the partner's sponsorships, with its courses, money and timeline. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { toMajor } from "../money";
import { isoDay, round } from "./metrics";
import { partnerOf } from "./partner-of";
import type { sponsorshipDetailResponse } from "./schemas/sponsorships";

export interface GetSponsorshipOptions {
  actor: Actor;
  sponsorshipId: string;
  /** What has been disbursed is what is due by then. */
  now?: Date;
}

/** Scores that make up a course's "current score": the latest few assessments. */
const CURRENT_SCORE_ASSESSMENTS = 3;

export async function getSponsorship(options: GetSponsorshipOptions): Promise<z.infer<typeof sponsorshipDetailResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  const db = getDb();
  const sponsorship = await findOrNotFound("Sponsorship", options.sponsorshipId, (id) =>
    db.sponsorship.findFirst({
      where: { id, partnerId },
      include: {
        student: { select: { id: true, firstName: true, lastName: true, gradeLevel: true, avatarUrl: true } },
        courses: { select: { course: { select: { id: true, title: true } } } },
        disbursements: {
          orderBy: [{ disbursedAt: "asc" }, { periodStart: "asc" }, { id: "asc" }],
          select: { disbursedAt: true, periodStart: true, amountMinor: true, description: true },
        },
        events: { orderBy: { occurredAt: "asc" }, select: { occurredAt: true, event: true } },
      },
    }),
  );

  const coveredIds = sponsorship.courses.map((c) => c.course.id);
  const courseRows = await db.$queryRaw<
    Array<{ id: string; title: string; progress_percent: number | null; status: string | null; current_score: number | null }>
  >`
    SELECT c.id::text, c.title, e.progress_percent, e.status::text AS status,
           (SELECT ROUND(AVG(score), 1)::float8 FROM (
              SELECT a.score FROM assessments a WHERE a.student_id = ${sponsorship.studentId}::uuid AND a.course_id = c.id
               ORDER BY a.taken_at DESC LIMIT ${CURRENT_SCORE_ASSESSMENTS}) latest) AS current_score
      FROM courses c
      LEFT JOIN enrollments e ON e.course_id = c.id AND e.student_id = ${sponsorship.studentId}::uuid
     WHERE ${
       coveredIds.length
         ? Prisma.sql`c.id IN (${Prisma.join(coveredIds.map((id) => Prisma.sql`${id}::uuid`))})`
         : Prisma.sql`e.id IS NOT NULL`
     }
     ORDER BY c.title`;

  // Money paid in for a period is disbursed once the period starts; until then it is committed.
  const now = options.now ?? new Date();
  const isDisbursed = (d: { disbursedAt: Date }) => d.disbursedAt.getTime() <= now.getTime();
  const total = sponsorship.amountMinor;
  const paidIn = sponsorship.disbursements.reduce((sum, d) => sum + d.amountMinor, 0n);
  const disbursed = sponsorship.disbursements.filter(isDisbursed).reduce((sum, d) => sum + d.amountMinor, 0n);
  return {
    id: sponsorship.id,
    student: {
      id: sponsorship.student.id,
      name: `${sponsorship.student.firstName} ${sponsorship.student.lastName}`,
      grade_level: sponsorship.student.gradeLevel,
      avatar_url: sponsorship.student.avatarUrl,
    },
    type: sponsorship.type,
    status: sponsorship.status,
    courses: courseRows.map((row) => ({
      id: row.id,
      title: row.title,
      progress_percent: row.progress_percent ?? 0,
      current_score: row.current_score === null ? null : round(row.current_score, 1),
      status: (row.status ?? "not_started") as "not_started" | "in_progress" | "completed" | "dropped",
    })),
    financial: {
      total_amount: toMajor(total),
      amount_paid_in: toMajor(paidIn),
      amount_disbursed: toMajor(disbursed),
      amount_committed: toMajor(paidIn - disbursed),
      amount_remaining: toMajor(total - disbursed),
      amount_unpaid: toMajor(total > paidIn ? total - paidIn : 0n),
      currency: sponsorship.currency,
      disbursement_history: sponsorship.disbursements.map((d) => ({
        date: isoDay(d.disbursedAt),
        amount: toMajor(d.amountMinor),
        description: d.description,
        period_start: isoDay(d.periodStart),
        status: isDisbursed(d) ? ("disbursed" as const) : ("scheduled" as const),
      })),
    },
    timeline: sponsorship.events.map((e) => ({ date: isoDay(e.occurredAt), event: e.event })),
    start_date: sponsorship.startDate.toISOString(),
    end_date: sponsorship.endDate.toISOString(),
    created_at: sponsorship.createdAt.toISOString(),
  };
}
