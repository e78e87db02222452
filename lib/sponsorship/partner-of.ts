import type { Actor } from "../auth/actor";
import { AppError } from "../errors";

/** The partner organisation an actor acts for; only partner users have one. */
export function partnerOf(actor: Actor): string {
  if (actor.role !== "partner" || !actor.organizationId) {
    throw new AppError("insufficient_permissions", "Role 'partner' required");
  }
  return actor.organizationId;
}
