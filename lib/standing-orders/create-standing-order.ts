/**
 * POST /partner/standing-orders: a partner sets up a recurring payment for one of their
 * programs or a set of their pending or active sponsorships. The first run falls due on
 * the start date (a UTC calendar date, today or later).
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import { toMinor } from "../money";
import { invalidatePartnerMetrics } from "../sponsorship/metric-cache";
import { partnerOf } from "../sponsorship/partner-of";
import { utcDay } from "./schedule";
import type { createStandingOrderBody, standingOrderDetailResponse } from "./schemas";
import { detailInclude, toStandingOrderDetail } from "./standing-order-item";

type Body = z.output<typeof createStandingOrderBody>;

function fieldError(field: string, message: string): AppError {
  return new AppError("validation_failed", `Invalid input: body.${field}: ${message}`, {
    fields: [{ path: `body.${field}`, message, type: "value_error" }],
  });
}

export async function createStandingOrder(options: {
  actor: Actor;
  body: Body;
  now?: Date;
}): Promise<z.infer<typeof standingOrderDetailResponse>> {
  const partnerId = partnerOf(options.actor, "finance");
  const { body } = options;
  const today = utcDay(options.now ?? new Date());
  if (body.start_date < today) throw fieldError("start_date", "must be today or later");
  const sponsorshipIds = [...new Set(body.sponsorship_ids ?? [])];

  return getDb().$transaction(async (tx) => {
    // The dashboard shows the next scheduled payment.
    await invalidatePartnerMetrics(tx, partnerId);
    if (body.program_id) {
      const program = await tx.program.findFirst({ where: { id: body.program_id, partnerId }, select: { id: true } });
      if (!program) throw notFound("Program");
    }
    if (sponsorshipIds.length) {
      const open = await tx.sponsorship.count({
        where: { id: { in: sponsorshipIds }, partnerId, status: { in: ["pending", "active"] } },
      });
      if (open !== sponsorshipIds.length) throw notFound("Sponsorship");
    }
    const order = await tx.standingOrder.create({
      data: {
        partnerId,
        createdById: options.actor.id,
        description: body.description,
        method: body.method,
        phoneNumber: body.method === "mpesa" ? (body.phone_number ?? null) : null,
        programId: body.program_id ?? null,
        amountMinor: toMinor(body.amount),
        currency: body.currency,
        frequency: body.frequency,
        startDate: body.start_date,
        endDate: body.end_date ?? null,
        nextDueDate: body.start_date,
        status: "active",
        sponsorships: { createMany: { data: sponsorshipIds.map((sponsorshipId) => ({ sponsorshipId })) } },
      },
      include: detailInclude,
    });
    return toStandingOrderDetail(order);
  });
}
