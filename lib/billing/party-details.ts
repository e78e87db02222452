/**
 * The parties named on invoices, receipts and statements: the issuer (the one organisation
 * marked issues_documents) and the paying partner. Documents keep a snapshot of both as
 * they were at issue, so a later change of address does not rewrite what was sent.
 */
import type { DbTx } from "../db";
import { AppError } from "../errors";

export interface PartyDetails {
  name: string;
  legal_name: string | null;
  address: string | null;
  kra_pin: string | null;
  billing_email: string | null;
  account_code: string;
}

export const PARTY_SELECT = {
  id: true,
  name: true,
  legalName: true,
  address: true,
  kraPin: true,
  billingEmail: true,
  accountCode: true,
} as const;

export interface PartyRecord {
  id: string;
  name: string;
  legalName: string | null;
  address: string | null;
  kraPin: string | null;
  billingEmail: string | null;
  accountCode: string;
}

export function partyDetails(org: PartyRecord): PartyDetails {
  return {
    name: org.name,
    legal_name: org.legalName,
    address: org.address,
    kra_pin: org.kraPin,
    billing_email: org.billingEmail,
    account_code: org.accountCode,
  };
}

/** A stored snapshot, or the organisation's current details for a document issued before snapshots were kept. */
export function snapshotOr(snapshot: unknown, current: PartyRecord | null): PartyDetails | null {
  if (snapshot && typeof snapshot === "object" && "name" in snapshot) {
    const s = snapshot as Partial<PartyDetails>;
    return {
      name: String(s.name),
      legal_name: s.legal_name ?? null,
      address: s.address ?? null,
      kra_pin: s.kra_pin ?? null,
      billing_email: s.billing_email ?? null,
      account_code: s.account_code ?? current?.accountCode ?? "",
    };
  }
  return current ? partyDetails(current) : null;
}

/** The organisation that issues documents; the migration creates it, so its absence is a broken installation. */
export async function getIssuer(db: DbTx): Promise<PartyRecord> {
  const issuer = await db.organization.findFirst({ where: { issuesDocuments: true }, select: PARTY_SELECT });
  if (!issuer) throw new AppError("internal_server_error", "No organisation issues documents");
  return issuer;
}
