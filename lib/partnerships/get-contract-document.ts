/** The contract's stored PDF, for the two parties only. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { partnershipForParty } from "./access";

export interface GetContractDocumentOptions {
  actor: Actor;
  partnershipId: string;
}

export async function getContractDocument(
  options: GetContractDocumentOptions,
): Promise<{ contractId: string; document: Buffer; sha256: string }> {
  const { actor, partnershipId } = options;
  const db = getDb();
  await partnershipForParty(db, actor, partnershipId);
  const contract = await db.contract.findUnique({ where: { partnershipId }, select: { id: true, document: true, documentSha256: true } });
  if (!contract) throw notFound("Contract");
  return { contractId: contract.id, document: Buffer.from(contract.document), sha256: contract.documentSha256 };
}
