/**
 * Records, or withdraws, the guardian's consent that this partner may show a student's
 * full name in what it shares (reports). Without it, reports name the student by first
 * name and initial only and leave out the school.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { invalidatePartnerMetrics } from "./metric-cache";
import { partnerOf } from "./partner-of";
import type { studentConsentBody } from "./schemas/student-consent";
import { visibleToPartner } from "./student-visibility";

export interface RecordStudentConsentOptions {
  actor: Actor;
  studentId: string;
  body: z.output<typeof studentConsentBody>;
}

export interface StudentConsentState {
  consented: boolean;
  recordedAt: Date | null;
}

export async function recordStudentConsent(options: RecordStudentConsentOptions): Promise<StudentConsentState> {
  const partnerId = partnerOf(options.actor, "work");
  return getDb().$transaction(async (tx) => {
    const student = await findOrNotFound("Student", options.studentId, (id) =>
      tx.student.findFirst({ where: { id, ...visibleToPartner(partnerId) }, select: { id: true } }),
    );
    const key = { organizationId: partnerId, studentId: student.id, kind: "full_name" as const };
    // A report asked for before the change must not be handed back after it: the partner's data generation moves on.
    await invalidatePartnerMetrics(tx, partnerId);
    if (!options.body.consented) {
      await tx.studentConsent.deleteMany({ where: key });
      return { consented: false, recordedAt: null };
    }
    const recorded = { recordedById: options.actor.id, recordedAt: new Date(), note: options.body.note || null };
    const consent = await tx.studentConsent.upsert({
      where: { organizationId_studentId_kind: key },
      create: { ...key, ...recorded },
      update: recorded,
      select: { recordedAt: true },
    });
    return { consented: true, recordedAt: consent.recordedAt };
  });
}
