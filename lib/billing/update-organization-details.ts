/**
 * PUT /partner/organization and the settings pages: sets the details printed on future
 * invoices, receipts and statements (documents already issued keep the details they were
 * issued with). A field left out stays as it is; an empty one is cleared.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { partnerOf } from "../sponsorship/partner-of";
import { toOrganizationDetails, type OrganizationDetails } from "./get-organization-details";
import { getIssuer, PARTY_SELECT } from "./party-details";
import type { organizationDetailsBody } from "./schemas/organization";

export interface UpdateOrganizationDetailsOptions {
  actor: Actor;
  /** `own`: the partner's organisation; `issuer`: the organisation that issues documents (admins only). */
  organization: "own" | "issuer";
  body: z.output<typeof organizationDetailsBody>;
}

export async function updateOrganizationDetails(options: UpdateOrganizationDetailsOptions): Promise<OrganizationDetails> {
  const db = getDb();
  let id: string;
  if (options.organization === "issuer") {
    if (options.actor.role !== "admin") throw new AppError("insufficient_permissions", "Role 'admin' required");
    id = (await getIssuer(db)).id;
  } else {
    id = partnerOf(options.actor, "finance");
  }
  const { body } = options;
  const updated = await db.organization.update({
    where: { id },
    data: {
      ...(body.legal_name !== undefined ? { legalName: body.legal_name } : {}),
      ...(body.address !== undefined ? { address: body.address } : {}),
      ...(body.kra_pin !== undefined ? { kraPin: body.kra_pin } : {}),
      ...(body.billing_email !== undefined ? { billingEmail: body.billing_email } : {}),
    },
    select: PARTY_SELECT,
  });
  return toOrganizationDetails(updated);
}
