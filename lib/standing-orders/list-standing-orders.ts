/** GET /partner/standing-orders: the partner's standing orders, newest first, each with its latest run. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { pageInfo, pageWindow } from "../sponsorship/pagination";
import { partnerOf } from "../sponsorship/partner-of";
import type { listStandingOrdersQuery, listStandingOrdersResponse } from "./schemas";
import { itemInclude, toStandingOrderItem } from "./standing-order-item";

export async function listStandingOrders(options: {
  actor: Actor;
  query: z.output<typeof listStandingOrdersQuery>;
}): Promise<z.infer<typeof listStandingOrdersResponse>> {
  const partnerId = partnerOf(options.actor, "read");
  const { query } = options;
  const where = { partnerId, ...(query.status ? { status: query.status } : {}) };
  const db = getDb();
  const [total, orders] = await Promise.all([
    db.standingOrder.count({ where }),
    db.standingOrder.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      include: itemInclude,
      ...pageWindow(query),
    }),
  ]);
  return { standing_orders: orders.map(toStandingOrderItem), ...pageInfo(query, total) };
}
