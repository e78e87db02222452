import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { listMembers } from "@/lib/organizations/list-members";

/** The caller's organisation: members, their roles and the open invitations. */
export const GET = v1Route({ roles: ["partner", "brand", "creator"] }, async ({ actor }) =>
  NextResponse.json(await listMembers({ actor })),
);
