import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { publicOriginOf } from "@/lib/http/public-origin";
import { inviteMember } from "@/lib/organizations/invite-member";
import { inviteMemberBody } from "@/lib/organizations/schemas/members";

/** Invites someone to the caller's organisation; the answer holds the link to give them. */
export const POST = v1Route(
  { roles: ["partner", "brand", "creator"], permission: "manage", body: inviteMemberBody },
  async ({ actor, body, request }) => {
    const { invitation, acceptUrl, emailed } = await inviteMember({ actor, body, origin: publicOriginOf(request) });
    return NextResponse.json({ invitation, accept_url: acceptUrl, emailed }, { status: 201, headers: { "Cache-Control": "no-store" } });
  },
);
