import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { requirePermission, type Permission } from "../organizations/permissions";

/**
 * The partner organisation an actor acts for, once their role there grants `permission`
 * (read, work or finance: lib/organizations/permissions.ts). Only partner users have one.
 */
export function partnerOf(actor: Actor, permission: Permission): string {
  if (actor.role !== "partner" || !actor.organizationId) {
    throw new AppError("insufficient_permissions", "Role 'partner' required");
  }
  requirePermission(actor, permission);
  return actor.organizationId;
}
