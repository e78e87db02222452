import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { listDeliveries } from "@/lib/webhooks/manage-webhooks";

/** The endpoint's delivery log, newest first, each with every attempt. */
export const GET = v1Route({ roles: ["partner", "brand", "creator"], permission: "manage" }, async ({ actor, params }) =>
  NextResponse.json(await listDeliveries({ actor, webhookId: String(params.id) })),
);
