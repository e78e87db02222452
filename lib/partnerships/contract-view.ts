/** How a contract is read and shown: its summary, and the detail with who signed when. */
import type { Prisma } from "../db";
import type { PartyRole } from "./access";
import type { ContractDetail, ContractSummary } from "./schemas/contracts";

const contractDocumentUrl = (partnershipId: string) => `/api/partnerships/${partnershipId}/contract/document`;

const signatureSelect = { role: true, userId: true, signedAt: true, ipAddress: true, user: { select: { name: true } } } as const;
export const contractSelect = {
  id: true,
  partnershipId: true,
  status: true,
  createdAt: true,
  updatedAt: true,
  signatures: { select: signatureSelect, orderBy: { signedAt: "asc" } },
} as const;

type ContractRow = Prisma.ContractGetPayload<{ select: typeof contractSelect }>;

export function summaryView(contract: Omit<ContractRow, "signatures">): ContractSummary {
  return {
    id: contract.id,
    partnershipId: contract.partnershipId,
    status: contract.status,
    documentUrl: contractDocumentUrl(contract.partnershipId),
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

export function detailView(contract: ContractRow): ContractDetail {
  const signedAt = (role: PartyRole) => contract.signatures.find((s) => s.role === role)?.signedAt.toISOString() ?? null;
  const { createdAt, updatedAt, ...summary } = summaryView(contract);
  return {
    ...summary,
    creatorSignedAt: signedAt("creator"),
    brandSignedAt: signedAt("brand"),
    signatories: contract.signatures.map((s) => ({
      userId: s.userId,
      name: s.user.name,
      role: s.role,
      signedAt: s.signedAt.toISOString(),
      ipAddress: s.ipAddress,
    })),
    createdAt,
    updatedAt,
  };
}
