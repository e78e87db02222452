/** An admin or owner withdraws an open invitation: its link stops working. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { organizationOf } from "./list-members";
import { requirePermission } from "./permissions";

export async function revokeInvitation(options: { actor: Actor; invitationId: string; now?: Date }): Promise<void> {
  const organizationId = organizationOf(options.actor);
  requirePermission(options.actor, "manage");
  const now = options.now ?? new Date();
  const db = getDb();
  await findOrNotFound("Invitation", options.invitationId, (id) =>
    db.invitation.findFirst({ where: { id, organizationId }, select: { id: true } }),
  );
  const { count } = await db.invitation.updateMany({
    where: { id: options.invitationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new AppError("invalid_state", "This invitation was already accepted or revoked");
}
