import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { resumeStandingOrder } from "@/lib/standing-orders/resume-standing-order";

/** Resumes a paused standing order from its next due date on or after today, without charging the periods it missed. */
export const POST = v1Route({ roles: ["partner"], permission: "finance" }, async ({ actor, params }) =>
  NextResponse.json(await resumeStandingOrder({ actor, standingOrderId: String(params.id) })),
);
