/**
 * Who may see what in the partnerships workspace. A user who is not a party to a
 * proposal or partnership gets 404 for it and everything under it, exactly as if it
 * did not exist; a party acting out of turn gets 403.
 */
import type { Actor } from "../auth/actor";
import type { DbTx } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import { requirePermission, type Permission } from "../organizations/permissions";

export type PartyRole = "creator" | "brand";

/**
 * What a member of a party needs, by action: read to see; work for proposals, contracts'
 * drafts, deliverables and disputes; finance for escrow (funding, release, cancelling,
 * refunds, the payout method); manage (owners and admins) to sign or reject a contract and
 * to end a partnership, because those bind the organisation.
 */
export interface PartyAccess {
  permission: Permission;
  lock?: boolean;
}

export function requireParticipant(actor: Actor): void {
  if (actor.role !== "creator" && actor.role !== "brand") {
    throw new AppError("insufficient_permissions", "Only creators and brands take part in partnerships");
  }
}

/**
 * The partnership if the actor's organisation is one of its two parties, with the actor's
 * side; 404 otherwise. Then the member's role must grant `permission` (403 otherwise).
 */
export async function partnershipForParty(tx: DbTx, actor: Actor, partnershipId: string, options: PartyAccess) {
  requireParticipant(actor);
  const partnership = await findOrNotFound("Partnership", partnershipId, async (id) => {
    if (options.lock) await tx.$queryRaw`SELECT id FROM partnerships WHERE id = ${id}::uuid FOR UPDATE`;
    const found = await tx.partnership.findUnique({ where: { id } });
    return found && (found.creatorId === actor.partyId || found.brandId === actor.partyId) ? found : null;
  });
  const side: PartyRole = partnership.creatorId === actor.partyId ? "creator" : "brand";
  requirePermission(actor, options.permission);
  return { partnership, side };
}

/** Contracts and deliverables change only while the partnership is active. */
export function requireActivePartnership(status: string): void {
  if (status !== "active") throw new AppError("invalid_state", `Partnership is ${status}`, { partnershipStatus: status });
}

/** Throws 403 unless the actor is on `side` of the partnership. */
export function requireSide(side: PartyRole, required: PartyRole, action: string): void {
  if (side !== required) throw new AppError("insufficient_permissions", `Only the ${required} can ${action}`);
}
