/** What pause, resume and cancel share: finding the partner's order and answering it after the change. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { invalidatePartnerMetrics } from "../sponsorship/metric-cache";
import { partnerOf } from "../sponsorship/partner-of";
import type { standingOrderDetailResponse } from "./schemas";
import { detailInclude, toStandingOrderDetail } from "./standing-order-item";

export interface ChangeStandingOrderOptions {
  actor: Actor;
  standingOrderId: string;
  now?: Date;
}

/** Runs `change` in one transaction for the partner's own order (404 for any other), then answers the order. */
export async function changeStandingOrder(
  options: ChangeStandingOrderOptions,
  change: (tx: DbTx, context: { id: string; partnerId: string; now: Date }) => Promise<void>,
): Promise<z.infer<typeof standingOrderDetailResponse>> {
  const partnerId = partnerOf(options.actor, "finance");
  const id = options.standingOrderId;
  if (!isUuid(id)) throw notFound("Standing order");
  const now = options.now ?? new Date();
  return getDb().$transaction(async (tx) => {
    // The dashboard shows the next scheduled payment.
    await invalidatePartnerMetrics(tx, partnerId);
    await change(tx, { id, partnerId, now });
    const order = await tx.standingOrder.findFirst({ where: { id, partnerId }, include: detailInclude });
    if (!order) throw notFound("Standing order");
    return toStandingOrderDetail(order);
  });
}
