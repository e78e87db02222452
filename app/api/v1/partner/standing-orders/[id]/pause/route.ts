import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { pauseStandingOrder } from "@/lib/standing-orders/pause-standing-order";

/** Pauses an active standing order: nothing falls due until it is resumed. */
export const POST = v1Route({ roles: ["partner"], permission: "finance" }, async ({ actor, params }) =>
  NextResponse.json(await pauseStandingOrder({ actor, standingOrderId: String(params.id) })),
);
