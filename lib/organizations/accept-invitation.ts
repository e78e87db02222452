/**
 * The invitee's side of an invitation link. Anyone holding the token may read whom it
 * invites and accept it once, creating their account: its email is the one invited, its
 * kind the organisation's (a partner's team member is a partner user, and so on), its role
 * the invitation's. An unknown token is 404; an expired, revoked or accepted one is 410.
 */
import type { z } from "zod";
import { hashPassword } from "../auth/password";
import { getDb, Prisma } from "../db";
import type { Role } from "../generated/prisma/client";
import { AppError, notFound } from "../errors";
import { hashInvitationToken } from "./invitation-token";
import type { acceptInvitationBody, invitationAcceptedResponse, publicInvitationResponse } from "./schemas/members";

const ROLE_OF_KIND: Record<string, Role> = { partner: "partner", brand: "brand", creator: "creator", platform: "admin" };

async function openInvitation(tx: Pick<ReturnType<typeof getDb>, "invitation">, token: string, now: Date) {
  if (token.length < 20 || token.length > 100) throw notFound("Invitation");
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    include: { organization: { select: { name: true, kind: true } } },
  });
  if (!invitation) throw notFound("Invitation");
  if (invitation.acceptedAt) throw new AppError("gone", "This invitation has been accepted already: sign in instead");
  if (invitation.revokedAt) throw new AppError("gone", "This invitation was withdrawn");
  if (invitation.expiresAt <= now) throw new AppError("gone", "This invitation has expired: ask for a new one");
  return invitation;
}

export async function getInvitation(options: { token: string; now?: Date }): Promise<z.infer<typeof publicInvitationResponse>> {
  const invitation = await openInvitation(getDb(), options.token, options.now ?? new Date());
  return {
    organization: invitation.organization.name,
    email: invitation.email,
    role: invitation.role,
    expires_at: invitation.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(options: {
  token: string;
  body: z.output<typeof acceptInvitationBody>;
  now?: Date;
}): Promise<z.infer<typeof invitationAcceptedResponse>> {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(options.body.password);
  return getDb().$transaction(async (tx) => {
    const found = await openInvitation(tx, options.token, now);
    // Locked, then read again: of two acceptances at once, the second finds it accepted.
    await tx.$queryRaw`SELECT id FROM invitations WHERE id = ${found.id}::uuid FOR UPDATE`;
    const invitation = await openInvitation(tx, options.token, now);
    try {
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: options.body.name,
          passwordHash,
          role: ROLE_OF_KIND[invitation.organization.kind]!,
          organizationId: invitation.organizationId,
          memberships: {
            create: { organizationId: invitation.organizationId, role: invitation.role, invitedById: invitation.invitedById },
          },
        },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: now, acceptedUserId: user.id } });
      return { user_id: user.id, email: user.email, organization: invitation.organization.name, role: invitation.role };
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("conflict", `${invitation.email} already has an account: sign in with it`);
      }
      throw error;
    }
  });
}
