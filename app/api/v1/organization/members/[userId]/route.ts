import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { changeMemberRole, removeMember } from "@/lib/organizations/change-member";
import { changeMemberRoleBody } from "@/lib/organizations/schemas/members";

const ROLES = ["partner", "brand", "creator"] as const;

/** Changes a member's role. */
export const PATCH = v1Route({ roles: [...ROLES], permission: "manage", body: changeMemberRoleBody }, async ({ actor, body, params }) => {
  const userId = String(params.userId);
  const { role } = await changeMemberRole({ actor, userId, role: body.role });
  return NextResponse.json({ user_id: userId, role });
});

/** Removes a member: their account is deactivated. */
export const DELETE = v1Route({ roles: [...ROLES], permission: "manage" }, async ({ actor, params }) => {
  await removeMember({ actor, userId: String(params.userId) });
  return new NextResponse(null, { status: 204 });
});
