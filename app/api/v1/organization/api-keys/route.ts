import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { createApiKey, listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { createApiKeyBody } from "@/lib/api-keys/schemas/api-keys";

const ROLES = ["partner", "brand", "creator"] as const;

/** The organisation's API keys, revoked ones included. */
export const GET = v1Route({ roles: [...ROLES], permission: "manage" }, async ({ actor }) =>
  NextResponse.json(await listApiKeys({ actor })),
);

/** Makes a key; the answer holds the key itself, shown only this once. */
export const POST = v1Route({ roles: [...ROLES], permission: "manage", body: createApiKeyBody }, async ({ actor, body }) => {
  const { apiKey, key } = await createApiKey({ actor, body });
  return NextResponse.json({ api_key: apiKey, key }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
