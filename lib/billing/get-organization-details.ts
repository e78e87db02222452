/** GET /partner/organization, and the settings pages: an organisation's details for documents. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { partnerOf } from "../sponsorship/partner-of";
import { getIssuer, PARTY_SELECT, type PartyRecord } from "./party-details";
import type { organizationDetailsResponse } from "./schemas/organization";

export type OrganizationDetails = z.infer<typeof organizationDetailsResponse>;

export function toOrganizationDetails(org: PartyRecord): OrganizationDetails {
  return {
    id: org.id,
    name: org.name,
    legal_name: org.legalName,
    address: org.address,
    kra_pin: org.kraPin,
    billing_email: org.billingEmail,
    account_code: org.accountCode,
  };
}

export interface GetOrganizationDetailsOptions {
  actor: Actor;
  /** `own`: the partner's organisation; `issuer`: the organisation that issues documents (admins only). */
  organization: "own" | "issuer";
}

export async function getOrganizationDetails(options: GetOrganizationDetailsOptions): Promise<OrganizationDetails> {
  if (options.organization === "issuer") {
    if (options.actor.role !== "admin") throw new AppError("insufficient_permissions", "Role 'admin' required");
    return toOrganizationDetails(await getIssuer(getDb()));
  }
  const id = partnerOf(options.actor, "read");
  return toOrganizationDetails(await getDb().organization.findUniqueOrThrow({ where: { id }, select: PARTY_SELECT }));
}
