import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { revokeInvitation } from "@/lib/organizations/revoke-invitation";

/** Withdraws an open invitation. */
export const DELETE = v1Route({ roles: ["partner", "brand", "creator"], permission: "manage" }, async ({ actor, params }) => {
  await revokeInvitation({ actor, invitationId: String(params.id) });
  return new NextResponse(null, { status: 204 });
});
