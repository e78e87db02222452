/**
 * An admin or owner invites someone by email with a role: the answer holds the link (with
 * its secret token), to be given to the invitee; only the token's hash is kept. Only an
 * owner invites an owner. An address that already has an account, or an open invitation
 * here, is refused (409): an account acts for one organisation.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { AppError } from "../errors";
import { INVITATION_LIFETIME_DAYS, invitationPath, newInvitationToken } from "./invitation-token";
import { invitationView, organizationOf } from "./list-members";
import { mailConfigured, sendMail } from "../mail/send-mail";
import { requirePermission } from "./permissions";
import type { invitationItem, inviteMemberBody } from "./schemas/members";

export interface InviteMemberOptions {
  actor: Actor;
  body: z.output<typeof inviteMemberBody>;
  /** The app's public origin, for the link. */
  origin: string;
  now?: Date;
}

export async function inviteMember(
  options: InviteMemberOptions,
): Promise<{ invitation: z.infer<typeof invitationItem>; acceptUrl: string; emailed: boolean }> {
  const { actor, body } = options;
  const organizationId = organizationOf(actor);
  requirePermission(actor, "manage");
  if (body.role === "owner" && actor.memberRole !== "owner")
    throw new AppError("insufficient_permissions", "Only an owner can invite an owner");
  const now = options.now ?? new Date();
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: body.email }, select: { organizationId: true } });
  if (existing) {
    throw new AppError(
      "conflict",
      existing.organizationId === organizationId ? `${body.email} is already a member` : `${body.email} already has an account`,
    );
  }
  const { token, tokenHash } = newInvitationToken();
  // An expired invitation no longer counts as open: it is closed so the address can be invited again.
  await db.invitation.updateMany({
    where: { organizationId, email: body.email, acceptedAt: null, revokedAt: null, expiresAt: { lte: now } },
    data: { revokedAt: now },
  });
  try {
    const invitation = await db.invitation.create({
      data: {
        organizationId,
        email: body.email,
        role: body.role,
        tokenHash,
        invitedById: actor.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 86_400_000),
      },
      include: { invitedBy: { select: { name: true } } },
    });
    const acceptUrl = new URL(invitationPath(token), options.origin).toString();
    return { invitation: invitationView(invitation), acceptUrl, emailed: await emailInvitation(invitation, acceptUrl) };
  } catch (error) {
    // The partial unique index: one open invitation per address and organisation.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", `${body.email} has an open invitation already; revoke it to invite again`);
    }
    throw error;
  }
}

/** Mails the link when SMTP is configured; a failure to send leaves the invitation standing, its link shown to the inviter. */
async function emailInvitation(
  invitation: { email: string; role: string; expiresAt: Date; invitedBy: { name: string }; organizationId: string },
  acceptUrl: string,
): Promise<boolean> {
  if (!mailConfigured()) return false;
  const organization = await getDb().organization.findUniqueOrThrow({ where: { id: invitation.organizationId }, select: { name: true } });
  try {
    await sendMail({
      to: invitation.email,
      subject: `${invitation.invitedBy.name} invites you to ${organization.name} on Harambee`,
      text: [
        `${invitation.invitedBy.name} invites you to join ${organization.name} on Harambee as ${invitation.role}.`,
        "",
        `Open this link to make your account: ${acceptUrl}`,
        "",
        `It works once, until ${invitation.expiresAt.toUTCString()}. If you did not expect it, ignore this email.`,
      ].join("\n"),
    });
    return true;
  } catch (error) {
    console.warn(`Invitation email to ${invitation.email} failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
