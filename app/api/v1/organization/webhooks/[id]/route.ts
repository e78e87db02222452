import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { deleteWebhook } from "@/lib/webhooks/manage-webhooks";

/** Deletes an endpoint: nothing more is sent to it; its delivery log stays readable. */
export const DELETE = v1Route({ roles: ["partner", "brand", "creator"], permission: "manage" }, async ({ actor, params }) =>
  NextResponse.json(await deleteWebhook({ actor, webhookId: String(params.id) })),
);
