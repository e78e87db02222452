/**
 * One student as a partner that funds them sees them (/dashboard/students/{id}): scores
 * over time per subject, courses, certificates, this partner's sponsorships with their
 * payments, the story the guardian consented to share, and the partner's full-name consent.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import type { SponsorshipStatus, SponsorshipType } from "../generated/prisma/client";
import { findOrNotFound } from "../find-or-not-found";
import { partnerOf } from "./partner-of";
import { visibleToPartner } from "./student-visibility";

export interface GetStudentProfileOptions {
  actor: Actor;
  studentId: string;
}

export interface StudentProfile {
  id: string;
  firstName: string;
  lastName: string;
  gradeLevel: number;
  school: string;
  county: string;
  /** Only once the guardian consented to it; null otherwise. */
  story: string | null;
  storyConsentAt: Date | null;
  /** Average score per subject per calendar month (UTC), oldest first. */
  scores: Array<{ month: string; subject: string; averageScore: number; assessments: number }>;
  courses: Array<{
    id: string;
    title: string;
    subject: string;
    status: "in_progress" | "completed" | "dropped";
    progressPercent: number;
    enrolledAt: Date;
    completedAt: Date | null;
  }>;
  certificates: Array<{ id: string; title: string; issuedAt: Date }>;
  /** This partner's sponsorships of the student, newest first, each with the payments that paid for it. */
  sponsorships: Array<{
    id: string;
    type: SponsorshipType;
    status: SponsorshipStatus;
    amountMinor: bigint;
    currency: string;
    startDate: Date;
    endDate: Date;
    payments: Array<{
      id: string;
      reference: string;
      amountMinor: bigint;
      currency: string;
      status: string;
      createdAt: Date;
      completedAt: Date | null;
    }>;
  }>;
  /** The guardian's consent, recorded by this partner, to show the student's full name in what it shares. */
  fullNameConsent: { recordedAt: Date; recordedBy: string; note: string | null } | null;
}

export async function getStudentProfile(options: GetStudentProfileOptions): Promise<StudentProfile> {
  const partnerId = partnerOf(options.actor, "read");
  const db = getDb();
  const student = await findOrNotFound("Student", options.studentId, (id) =>
    db.student.findFirst({
      where: { id, ...visibleToPartner(partnerId) },
      select: {
        id: true,
        firstName: true,
        lastName: true,
        gradeLevel: true,
        story: true,
        storyConsentAt: true,
        school: { select: { name: true } },
        county: { select: { name: true } },
      },
    }),
  );

  const [scores, enrollments, certificates, sponsorships, consent] = await Promise.all([
    db.$queryRaw<Array<{ month: Date; subject: string; average_score: number; assessments: number }>>`
      SELECT date_trunc('month', a.taken_at AT TIME ZONE 'UTC')::date AS month, c.subject::text AS subject,
             ROUND(AVG(a.score), 1)::float8 AS average_score, COUNT(*)::int AS assessments
        FROM assessments a JOIN courses c ON c.id = a.course_id
       WHERE a.student_id = ${student.id}::uuid
       GROUP BY 1, 2
       ORDER BY 1, 2`,
    db.enrollment.findMany({
      where: { studentId: student.id },
      orderBy: [{ enrolledAt: "desc" }, { id: "asc" }],
      select: {
        status: true,
        progressPercent: true,
        enrolledAt: true,
        completedAt: true,
        course: { select: { id: true, title: true, subject: true } },
      },
    }),
    db.certificate.findMany({
      where: { studentId: student.id },
      orderBy: [{ issuedAt: "desc" }, { id: "asc" }],
      select: { id: true, title: true, issuedAt: true },
    }),
    db.sponsorship.findMany({
      where: { partnerId, studentId: student.id },
      orderBy: [{ startDate: "desc" }, { id: "asc" }],
      select: {
        id: true,
        type: true,
        status: true,
        amountMinor: true,
        currency: true,
        startDate: true,
        endDate: true,
        payments: {
          orderBy: { payment: { createdAt: "asc" } },
          select: {
            payment: {
              select: { id: true, reference: true, amountMinor: true, currency: true, status: true, createdAt: true, completedAt: true },
            },
          },
        },
      },
    }),
    db.studentConsent.findUnique({
      where: { organizationId_studentId_kind: { organizationId: partnerId, studentId: student.id, kind: "full_name" } },
      select: { recordedAt: true, note: true, recordedBy: { select: { name: true } } },
    }),
  ]);

  const consented = student.storyConsentAt !== null;
  return {
    id: student.id,
    firstName: student.firstName,
    lastName: student.lastName,
    gradeLevel: student.gradeLevel,
    school: student.school.name,
    county: student.county.name,
    story: consented ? student.story : null,
    storyConsentAt: consented ? student.storyConsentAt : null,
    scores: scores.map((row) => ({
      month: row.month.toISOString().slice(0, 7),
      subject: row.subject,
      averageScore: row.average_score,
      assessments: row.assessments,
    })),
    courses: enrollments.map((e) => ({
      id: e.course.id,
      title: e.course.title,
      subject: e.course.subject,
      status: e.status,
      progressPercent: e.progressPercent,
      enrolledAt: e.enrolledAt,
      completedAt: e.completedAt,
    })),
    certificates,
    sponsorships: sponsorships.map((s) => ({
      id: s.id,
      type: s.type,
      status: s.status,
      amountMinor: s.amountMinor,
      currency: s.currency.trim(),
      startDate: s.startDate,
      endDate: s.endDate,
      payments: s.payments.map(({ payment }) => ({ ...payment, currency: payment.currency.trim() })),
    })),
    fullNameConsent: consent ? { recordedAt: consent.recordedAt, recordedBy: consent.recordedBy.name, note: consent.note } : null,
  };
}
