/** How a contract is read and shown: its summary, and the detail with each party's decision. */
import type { Prisma } from "../db";
import type { PartyRole } from "./access";
import { CONSENT_TEXT, type ContractDetail, type ContractSummary } from "./schemas/contracts";

export const contractDocumentUrl = (partnershipId: string, version?: "sent" | "signed") =>
  `/api/partnerships/${partnershipId}/contract/document${version ? `?version=${version}` : ""}`;

const signatureSelect = {
  role: true,
  userId: true,
  decision: true,
  fullName: true,
  reason: true,
  signedAt: true,
  ipAddress: true,
  userAgent: true,
  user: { select: { name: true } },
} as const;

export const contractSelect = {
  id: true,
  partnershipId: true,
  status: true,
  reviewWindowDays: true,
  documentSha256: true,
  signedDocumentSha256: true,
  sentAt: true,
  activatedAt: true,
  terminatedAt: true,
  createdAt: true,
  updatedAt: true,
  signatures: { select: signatureSelect, orderBy: { signedAt: "asc" } },
} as const;

type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;
type SummaryRow = Pick<ContractRow, "id" | "partnershipId" | "status" | "reviewWindowDays" | "documentSha256" | "createdAt" | "updatedAt">;

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function summaryView(contract: SummaryRow): ContractSummary {
  return {
    id: contract.id,
    partnershipId: contract.partnershipId,
    status: contract.status,
    documentUrl: contractDocumentUrl(contract.partnershipId),
    reviewWindowDays: contract.reviewWindowDays,
    documentSha256: contract.documentSha256,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

export function detailView(contract: ContractRow): ContractDetail {
  // The spec's creatorSignedAt / brandSignedAt mean signed; a rejection is only in signatories.
  const signedAt = (role: PartyRole) =>
    contract.signatures.find((s) => s.role === role && s.decision === "signed")?.signedAt.toISOString() ?? null;
  return {
    id: contract.id,
    partnershipId: contract.partnershipId,
    status: contract.status,
    documentUrl: contractDocumentUrl(contract.partnershipId),
    sentDocumentUrl: contractDocumentUrl(contract.partnershipId, "sent"),
    signedDocumentUrl: contract.signedDocumentSha256 ? contractDocumentUrl(contract.partnershipId, "signed") : null,
    reviewWindowDays: contract.reviewWindowDays,
    documentSha256: contract.documentSha256,
    signedDocumentSha256: contract.signedDocumentSha256,
    consentText: CONSENT_TEXT,
    creatorSignedAt: signedAt("creator"),
    brandSignedAt: signedAt("brand"),
    signatories: contract.signatures.map((s) => ({
      userId: s.userId,
      name: s.user.name,
      role: s.role,
      decision: s.decision,
      fullName: s.fullName,
      reason: s.reason,
      signedAt: s.signedAt.toISOString(),
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
    sentAt: iso(contract.sentAt),
    activatedAt: iso(contract.activatedAt),
    terminatedAt: iso(contract.terminatedAt),
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}
