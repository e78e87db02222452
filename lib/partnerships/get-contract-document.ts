/**
 * The contract's stored PDF, for the two parties only: the signed document once the
 * contract is active, the document as sent before (or either, when asked by name).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError, notFound } from "../errors";
import { partnershipForParty } from "./access";

export interface GetContractDocumentOptions {
  actor: Actor;
  partnershipId: string;
  version?: "sent" | "signed";
}

export async function getContractDocument(
  options: GetContractDocumentOptions,
): Promise<{ contractId: string; version: "sent" | "signed"; document: Buffer; sha256: string }> {
  const { actor, partnershipId } = options;
  const db = getDb();
  await partnershipForParty(db, actor, partnershipId, { permission: "read" });
  const contract = await db.contract.findUnique({
    where: { partnershipId },
    select: { id: true, document: true, documentSha256: true, signedDocument: true, signedDocumentSha256: true },
  });
  if (!contract) throw notFound("Contract");
  const version = options.version ?? (contract.signedDocument ? "signed" : "sent");
  if (version === "signed") {
    if (!contract.signedDocument || !contract.signedDocumentSha256) {
      throw new AppError("resource_not_found", "The contract has no signed document until both parties have signed it");
    }
    return { contractId: contract.id, version, document: Buffer.from(contract.signedDocument), sha256: contract.signedDocumentSha256 };
  }
  return { contractId: contract.id, version, document: Buffer.from(contract.document), sha256: contract.documentSha256 };
}
