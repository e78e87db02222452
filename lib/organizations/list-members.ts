/** The caller's organisation: its members with their roles, and the invitations still open. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { requirePermission } from "./permissions";
import type { invitationItem, listMembersResponse } from "./schemas/members";

export function organizationOf(actor: Actor): string {
  if (!actor.organizationId) throw new AppError("insufficient_permissions", "Only members of an organisation have a team");
  return actor.organizationId;
}

export const invitationView = (invitation: {
  id: string;
  email: string;
  role: z.infer<typeof invitationItem>["role"];
  createdAt: Date;
  expiresAt: Date;
  invitedBy: { name: string };
}): z.infer<typeof invitationItem> => ({
  id: invitation.id,
  email: invitation.email,
  role: invitation.role,
  invited_by: invitation.invitedBy.name,
  created_at: invitation.createdAt.toISOString(),
  expires_at: invitation.expiresAt.toISOString(),
});

export async function listMembers(options: { actor: Actor; now?: Date }): Promise<z.infer<typeof listMembersResponse>> {
  const organizationId = organizationOf(options.actor);
  requirePermission(options.actor, "read");
  const now = options.now ?? new Date();
  const db = getDb();
  const [organization, members, invitations] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, name: true, kind: true } }),
    db.membership.findMany({
      where: { organizationId },
      include: { user: { select: { name: true, email: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.invitation.findMany({
      where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      include: { invitedBy: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    organization,
    your_role: options.actor.memberRole!,
    members: members.map((m) => ({
      user_id: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      joined_at: m.createdAt.toISOString(),
      you: m.userId === options.actor.id,
    })),
    invitations: invitations.map(invitationView),
  };
}
