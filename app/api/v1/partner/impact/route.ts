import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getImpact } from "@/lib/sponsorship/get-impact";
import { periodQuery } from "@/lib/sponsorship/schemas/impact";

export const GET = v1Route({ roles: ["partner"], query: periodQuery }, async ({ actor, query }) =>
  NextResponse.json(await getImpact({ actor, period: query.period })),
);
