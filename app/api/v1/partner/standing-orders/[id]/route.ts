import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getStandingOrder } from "@/lib/standing-orders/get-standing-order";

/** One of the partner's standing orders with its runs and their payment attempts. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) =>
  NextResponse.json(await getStandingOrder({ actor, standingOrderId: String(params.id) })),
);
