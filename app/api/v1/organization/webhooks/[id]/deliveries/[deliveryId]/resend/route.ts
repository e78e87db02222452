import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { resendDelivery } from "@/lib/webhooks/manage-webhooks";

/** Sends the delivery again now, with a fresh round of retries. */
export const POST = v1Route({ roles: ["partner", "brand", "creator"], permission: "manage" }, async ({ actor, params }) =>
  NextResponse.json(await resendDelivery({ actor, webhookId: String(params.id), deliveryId: String(params.deliveryId) })),
);
