import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { cancelStandingOrder } from "@/lib/standing-orders/cancel-standing-order";

/** Cancels a standing order: nothing falls due again. */
export const POST = v1Route({ roles: ["partner"], permission: "finance" }, async ({ actor, params }) =>
  NextResponse.json(await cancelStandingOrder({ actor, standingOrderId: String(params.id) })),
);
