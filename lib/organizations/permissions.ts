/**
 * What each member role may do in its organisation. Services ask for the permission their
 * action needs (requirePermission); a member without it gets 403, whatever the route.
 *
 * - read: see the organisation's records (every role)
 * - work: the day-to-day work: sponsorships, programs, reports; proposals, contracts, deliverables
 * - finance: money: payments, standing orders, invoices' details, statements; escrow funding and release
 * - manage: members and invitations, the organisation's details, API keys and webhooks
 */
import type { MemberRole } from "../generated/prisma/client";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";

export const PERMISSIONS = ["read", "work", "finance", "manage"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const MEMBER_ROLES = ["owner", "admin", "finance", "member", "viewer"] as const satisfies readonly MemberRole[];

export const ROLE_PERMISSIONS: Record<MemberRole, readonly Permission[]> = {
  owner: ["read", "work", "finance", "manage"],
  admin: ["read", "work", "finance", "manage"],
  finance: ["read", "finance"],
  member: ["read", "work"],
  viewer: ["read"],
};

/** What the role is for, in the words the team page uses. */
export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  owner: "Everything, including making and removing owners",
  admin: "Everything except owners: members, settings, money and the day-to-day work",
  finance: "Payments, standing orders, invoices, receipts and statements; reads everything else",
  member: "The day-to-day work; reads everything, pays nothing",
  viewer: "Reads everything, changes nothing",
};

export function roleAllows(role: MemberRole | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}

/** What each permission lets a member do, as refusals say it. */
export const PERMISSION_WORDS: Record<Permission, string> = {
  read: "see this organisation's records",
  work: "do this organisation's day-to-day work",
  finance: "handle this organisation's money",
  manage: "manage this organisation",
};

/** Throws 403 unless the actor's role in their organisation grants `permission`. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (actor.apiKey && permission === "manage") throw new AppError("insufficient_permissions", "API keys cannot manage the organisation");
  if (roleAllows(actor.memberRole, permission)) return;
  throw new AppError(
    "insufficient_permissions",
    actor.memberRole
      ? `Your role (${actor.memberRole}) cannot ${PERMISSION_WORDS[permission]}`
      : `Only members of an organisation can ${PERMISSION_WORDS[permission]}`,
    { requiredPermission: permission },
  );
}
