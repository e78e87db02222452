import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getSponsorship } from "@/lib/sponsorship/get-sponsorship";

export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) =>
  NextResponse.json(await getSponsorship({ actor, sponsorshipId: String(params.id) })),
);
