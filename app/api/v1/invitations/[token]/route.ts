import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { getInvitation } from "@/lib/organizations/accept-invitation";

/** Whom an invitation link invites, for the invitee. */
export const GET = publicV1Route({}, async ({ params }) =>
  NextResponse.json(await getInvitation({ token: String(params.token) }), { headers: { "Cache-Control": "no-store" } }),
);
