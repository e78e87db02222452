import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { revokeApiKey } from "@/lib/api-keys/manage-api-keys";

/** Revokes a key: requests with it are refused from now on. */
export const DELETE = v1Route({ roles: ["partner", "brand", "creator"], permission: "manage" }, async ({ actor, params }) =>
  NextResponse.json({ api_key: await revokeApiKey({ actor, apiKeyId: String(params.id) }) }),
);
