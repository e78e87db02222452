/**
 * POST /partner/sponsorships: one pending sponsorship per student, all or none.
 * Sponsorships become active when a payment that funds them completes.
 */
import crypto from "node:crypto";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { toMajor, toMinor } from "../money";
import { invalidatePartnerMetrics } from "./metric-cache";
import { partnerOf } from "./partner-of";
import type { createSponsorshipsBody, createSponsorshipsResponse } from "./schemas/sponsorships";

export type CreateSponsorshipsOptions = { actor: Actor } & z.output<typeof createSponsorshipsBody>;

export async function createSponsorships(options: CreateSponsorshipsOptions): Promise<z.infer<typeof createSponsorshipsResponse>> {
  const partnerId = partnerOf(options.actor, "work");
  const amountMinor = toMinor(options.amount_per_student);
  const courseIds = options.course_ids ?? [];
  const now = new Date();

  const ids = await getDb().$transaction(async (tx) => {
    // Creations for one partner are serialised, so two concurrent requests cannot both
    // pass the overlap check for the same student.
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${`sponsorships:${partnerId}`}))`;
    await invalidatePartnerMetrics(tx, partnerId);

    // One statement at a time: a transaction is one connection.
    const students = await tx.student.findMany({ where: { id: { in: options.student_ids } }, select: { id: true } });
    const courses = courseIds.length ? await tx.course.findMany({ where: { id: { in: courseIds } }, select: { id: true } }) : [];
    const unknownStudents = options.student_ids.filter((id) => !students.some((s) => s.id === id));
    const unknownCourses = courseIds.filter((id) => !courses.some((c) => c.id === id));
    const fields = [
      ...unknownStudents.map((id) => ({ path: "body.student_ids", message: `unknown student ${id}`, type: "not_found" })),
      ...unknownCourses.map((id) => ({ path: "body.course_ids", message: `unknown course ${id}`, type: "not_found" })),
    ];
    if (fields.length) throw new AppError("validation_failed", "Unknown students or courses", { fields });

    const overlapping = await tx.sponsorship.findMany({
      where: {
        partnerId,
        studentId: { in: options.student_ids },
        status: { in: ["active", "pending"] },
        startDate: { lte: options.end_date },
        endDate: { gte: options.start_date },
      },
      select: { id: true, studentId: true },
    });
    if (overlapping.length) {
      throw new AppError(
        "conflict",
        `${overlapping.length} of these students already have an active or pending sponsorship from you that overlaps these dates`,
        { student_ids: [...new Set(overlapping.map((s) => s.studentId))], sponsorship_ids: overlapping.map((s) => s.id) },
      );
    }

    const created = options.student_ids.map((studentId) => ({ id: crypto.randomUUID(), studentId }));
    await tx.sponsorship.createMany({
      data: created.map(({ id, studentId }) => ({
        id,
        partnerId,
        studentId,
        type: options.type,
        status: "pending" as const,
        amountMinor,
        currency: options.currency,
        startDate: options.start_date,
        endDate: options.end_date,
        notes: options.notes ?? null,
        createdAt: now,
      })),
    });
    if (courseIds.length) {
      await tx.sponsorshipCourse.createMany({
        data: created.flatMap(({ id }) => courseIds.map((courseId) => ({ sponsorshipId: id, courseId }))),
      });
    }
    await tx.sponsorshipEvent.createMany({
      data: created.map(({ id }) => ({ sponsorshipId: id, event: "Sponsorship created", occurredAt: now })),
    });
    return created.map(({ id }) => id);
  });

  return {
    sponsorships_created: ids.length,
    sponsorship_ids: ids,
    total_amount: toMajor(amountMinor * BigInt(ids.length)),
    currency: options.currency,
    status: "pending",
    message: "Sponsorships created successfully. Payment required to activate.",
  };
}
