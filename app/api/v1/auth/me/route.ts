import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";

/** The user the request is authenticated as. */
export const GET = v1Route({}, async ({ actor }) =>
  NextResponse.json({ id: actor.id, email: actor.email, name: actor.name, role: actor.role }),
);
