import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { acceptInvitation } from "@/lib/organizations/accept-invitation";
import { acceptInvitationBody } from "@/lib/organizations/schemas/members";

/** Accepts an invitation: creates the invitee's account in the organisation, with the invited role. */
export const POST = publicV1Route({ body: acceptInvitationBody }, async ({ params, body }) =>
  NextResponse.json(await acceptInvitation({ token: String(params.token), body }), { status: 201 }),
);
