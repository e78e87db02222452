/**
 * Either party sends the draft contract for signature: draft → sent. From here the
 * document and its SHA-256 are fixed; they are what both parties sign.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { notFound } from "../errors";
import { partnershipForParty, requireActivePartnership } from "./access";
import type { RequestOrigin } from "./contract-audit";
import { contractSelect, detailView } from "./contract-view";
import { contractSent } from "../events/partnership-events";
import { logActivity } from "./log-activity";
import type { ContractDetail } from "./schemas/contracts";
import { transition } from "./transitions";

export interface SendContractOptions extends RequestOrigin {
  actor: Actor;
  partnershipId: string;
}

/**
 * For a party about to decide on the contract (sign or reject): the partnership (locked,
 * still active), the party's side, the contract row (locked) and the decision the party
 * already made, if any: one decision per party, so the caller refuses a second.
 */
export async function contractForDecision(tx: DbTx, actor: Actor, partnershipId: string) {
  // Signing or rejecting binds the organisation: owners and admins only.
  const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "manage" });
  requireActivePartnership(partnership.status);
  const contract = await lockContract(tx, partnershipId);
  const prior = await tx.contractSignature.findUnique({
    where: { contractId_role: { contractId: contract.id, role: side } },
    select: { decision: true },
  });
  return { partnership, side, contract, priorDecision: prior?.decision ?? null };
}

/** The partnership's contract row, locked for the rest of the transaction. */
export async function lockContract(tx: DbTx, partnershipId: string): Promise<{ id: string; status: string }> {
  const [locked] = await tx.$queryRaw<Array<{ id: string; status: string }>>`
    SELECT id, status::text AS status FROM contracts WHERE partnership_id = ${partnershipId}::uuid FOR UPDATE`;
  if (!locked) throw notFound("Contract");
  return locked;
}

export async function sendContract(options: SendContractOptions): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  return getDb().$transaction(async (tx) => {
    const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "work" });
    requireActivePartnership(partnership.status);
    const contract = await lockContract(tx, partnershipId);
    await transition(tx, "contract", contract.id, "sent", {
      message: contract.status === "draft" ? undefined : `Only a draft contract can be sent; this one is ${contract.status}`,
    });
    const sentAt = new Date();
    const row = await tx.contract.update({
      where: { id: contract.id },
      data: { sentAt, updatedAt: sentAt },
      select: { documentSha256: true },
    });
    await logActivity(tx, {
      partnershipId,
      userId: actor.id,
      type: "contract_sent",
      description: `${actor.name} sent the contract to both parties for signature`,
      metadata: {
        contractId: contract.id,
        documentSha256: row.documentSha256,
        role: side,
        ipAddress: options.ipAddress,
        userAgent: options.userAgent,
      },
      at: sentAt,
    });
    await contractSent(tx, { partnershipId, contractId: contract.id, sentBy: side, at: sentAt });
    return detailView(await tx.contract.findUniqueOrThrow({ where: { id: contract.id }, select: contractSelect }));
  });
}
