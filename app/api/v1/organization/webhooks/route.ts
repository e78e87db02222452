import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { createWebhook, listWebhooks } from "@/lib/webhooks/manage-webhooks";
import { createWebhookBody } from "@/lib/webhooks/schemas/webhooks";

const ROLES = ["partner", "brand", "creator"] as const;

/** The organisation's webhooks, deleted ones included. */
export const GET = v1Route({ roles: [...ROLES], permission: "manage" }, async ({ actor }) =>
  NextResponse.json(await listWebhooks({ actor })),
);

/** Registers an endpoint; the answer holds its signing secret, shown only this once. */
export const POST = v1Route({ roles: [...ROLES], permission: "manage", body: createWebhookBody }, async ({ actor, body }) =>
  NextResponse.json(await createWebhook({ actor, body }), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
