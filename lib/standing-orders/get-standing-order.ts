/** GET /partner/standing-orders/{id}: one of the partner's standing orders with its runs and their payment attempts. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { partnerOf } from "../sponsorship/partner-of";
import type { standingOrderDetailResponse } from "./schemas";
import { detailInclude, toStandingOrderDetail } from "./standing-order-item";

export async function getStandingOrder(options: {
  actor: Actor;
  standingOrderId: string;
}): Promise<z.infer<typeof standingOrderDetailResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  if (!isUuid(options.standingOrderId)) throw notFound("Standing order");
  const order = await getDb().standingOrder.findFirst({
    where: { id: options.standingOrderId, partnerId },
    include: detailInclude,
  });
  if (!order) throw notFound("Standing order");
  return toStandingOrderDetail(order);
}
