import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { createStandingOrder } from "@/lib/standing-orders/create-standing-order";
import { listStandingOrders } from "@/lib/standing-orders/list-standing-orders";
import { createStandingOrderBody, listStandingOrdersQuery } from "@/lib/standing-orders/schemas";

/** The partner's standing orders, newest first. */
export const GET = v1Route({ roles: ["partner"], query: listStandingOrdersQuery }, async ({ actor, query }) =>
  NextResponse.json(await listStandingOrders({ actor, query })),
);

/** Sets up a recurring payment for one of the partner's programs or a set of their sponsorships. */
export const POST = v1Route({ roles: ["partner"], permission: "finance", body: createStandingOrderBody }, async ({ actor, body }) =>
  NextResponse.json(await createStandingOrder({ actor, body }), { status: 201 }),
);
