import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { deactivateUser } from "@/lib/auth/deactivate-user";

export const POST = v1Route({ roles: ["admin"] }, async ({ actor, params }) =>
  NextResponse.json(await deactivateUser({ actor, userId: String(params.id) })),
);
