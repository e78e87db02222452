/**
 * An admin or owner changes a member's role, or removes them. Only an owner makes, unmakes
 * or removes an owner, and the last owner stays: an organisation always has someone who can
 * manage it. The organisation's memberships are locked while the owners are counted, so two
 * concurrent changes cannot both remove the last one. A removed member's account acted only
 * for this organisation: it is deactivated and its sessions and tokens end.
 */
import type { Actor } from "../auth/actor";
import { revokeCredentials } from "../auth/revoke-credentials";
import { getDb, type DbTx } from "../db";
import type { MemberRole } from "../generated/prisma/client";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { organizationOf } from "./list-members";
import { requirePermission } from "./permissions";

type Change = { kind: "role"; role: MemberRole } | { kind: "remove" };

async function changeMember(options: { actor: Actor; userId: string; change: Change; now?: Date }): Promise<{ role: MemberRole } | null> {
  const { actor, change } = options;
  const organizationId = organizationOf(actor);
  requirePermission(actor, "manage");
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM memberships WHERE organization_id = ${organizationId}::uuid FOR UPDATE`;
    const membership = await findOrNotFound("Member", options.userId, (userId) =>
      tx.membership.findUnique({ where: { organizationId_userId: { organizationId, userId } } }),
    );
    const touchesOwner = membership.role === "owner" || (change.kind === "role" && change.role === "owner");
    if (touchesOwner && actor.memberRole !== "owner")
      throw new AppError("insufficient_permissions", "Only an owner can make, change or remove an owner");
    const losesOwner = membership.role === "owner" && (change.kind === "remove" || change.role !== "owner");
    if (losesOwner && (await tx.membership.count({ where: { organizationId, role: "owner" } })) === 1) {
      throw new AppError("invalid_state", "The organisation's last owner stays: make someone else owner first");
    }
    if (change.kind === "role") {
      const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: change.role } });
      return { role: updated.role };
    }
    await removeMembership(tx, { membershipId: membership.id, userId: membership.userId, now: options.now });
    return null;
  });
}

async function removeMembership(tx: DbTx, options: { membershipId: string; userId: string; now?: Date }) {
  await tx.membership.delete({ where: { id: options.membershipId } });
  await tx.user.update({ where: { id: options.userId }, data: { active: false, organizationId: null } });
  await revokeCredentials(tx, { userId: options.userId, now: options.now });
}

export async function changeMemberRole(options: { actor: Actor; userId: string; role: MemberRole }): Promise<{ role: MemberRole }> {
  return (await changeMember({ actor: options.actor, userId: options.userId, change: { kind: "role", role: options.role } }))!;
}

export async function removeMember(options: { actor: Actor; userId: string; now?: Date }): Promise<void> {
  await changeMember({ ...options, change: { kind: "remove" } });
}
