/** The partnership's contract and each party's decision on it, for the two parties only. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { notFound } from "../errors";
import { partnershipForParty } from "./access";
import type { ContractDetail } from "./schemas/contracts";
import { contractSelect, detailView } from "./contract-view";

export interface GetContractOptions {
  actor: Actor;
  partnershipId: string;
}

export async function getContract(options: GetContractOptions): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  const db = getDb();
  await partnershipForParty(db, actor, partnershipId, { permission: "read" });
  const contract = await db.contract.findUnique({ where: { partnershipId }, select: contractSelect });
  if (!contract) throw notFound("Contract");
  return detailView(contract);
}
