/**
 * Public check of a contract document: was a file with this SHA-256 issued by the
 * platform, as sent for signature or as signed? Anyone holding a copy may ask, so the
 * answer names only what the document itself shows (the contract, its status and who
 * signed when), and a digest the platform never issued is simply "not issued". Drafts
 * were never issued.
 */
import { getDb } from "../db";
import { sha256Of } from "./contract-audit";
import type { VerifyContractResponse } from "./schemas/contracts";

export type VerifyContractInput = { sha256: string } | { document: Uint8Array };

export async function verifyContract(input: VerifyContractInput): Promise<VerifyContractResponse> {
  const sha256 = "sha256" in input ? input.sha256.toLowerCase() : sha256Of(input.document);
  const select = {
    id: true,
    status: true,
    sentAt: true,
    activatedAt: true,
    signatures: { select: { role: true, fullName: true, decision: true, signedAt: true }, orderBy: { signedAt: "asc" } },
  } as const;
  const db = getDb();
  const signed = await db.contract.findUnique({ where: { signedDocumentSha256: sha256 }, select });
  const sent = signed ? null : await db.contract.findFirst({ where: { documentSha256: sha256, sentAt: { not: null } }, select });
  const contract = signed ?? sent;
  const issuedAt = signed ? signed.activatedAt : sent?.sentAt;
  if (!contract || !issuedAt) return { issued: false, sha256 };
  return {
    issued: true,
    matches: signed ? "signed" : "sent",
    sha256,
    contractId: contract.id,
    status: contract.status,
    issuedAt: issuedAt.toISOString(),
    activatedAt: contract.activatedAt?.toISOString() ?? null,
    signatories: contract.signatures.map((s) => ({
      role: s.role,
      fullName: s.fullName,
      decision: s.decision,
      signedAt: s.signedAt.toISOString(),
    })),
  };
}
