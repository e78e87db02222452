/**
 * A party's signature on the contract. The status moves sent → signed_creator or
 * signed_brand → active through `transition`; the contract row is locked while a
 * signature is recorded so two parties signing at once always end `active`.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError, notFound } from "../errors";
import { partnershipForParty, requireActivePartnership } from "./access";
import type { ContractDetail } from "./schemas/contracts";
import { contractSelect, detailView } from "./contract-view";
import { logActivity } from "./log-activity";
import { transition } from "./transitions";

export interface SignContractOptions {
  actor: Actor;
  partnershipId: string;
  signature?: Buffer;
  ipAddress: string;
  userAgent: string | null;
}

export async function signContract(options: SignContractOptions): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  try {
    return await getDb().$transaction(async (tx) => {
      const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true });
      requireActivePartnership(partnership.status);
      // The next status depends on who signed before; the row lock makes that read current.
      const [locked] = await tx.$queryRaw<Array<{ id: string; status: string }>>`
        SELECT id, status::text AS status FROM contracts WHERE partnership_id = ${partnershipId}::uuid FOR UPDATE`;
      if (!locked) throw notFound("Contract");
      const signed = await tx.contractSignature.findMany({ where: { contractId: locked.id }, select: { role: true } });
      if (signed.some((s) => s.role === side)) {
        throw new AppError("invalid_state", `The ${side} has already signed this contract`, { contractId: locked.id, role: side });
      }
      const other = side === "creator" ? "brand" : "creator";
      const next = locked.status === `signed_${other}` ? "active" : side === "creator" ? "signed_creator" : "signed_brand";
      await transition(tx, "contract", locked.id, next, { message: `Cannot sign a contract that is ${locked.status}` });

      const signedAt = new Date();
      await tx.contractSignature.create({
        data: {
          contractId: locked.id,
          userId: actor.id,
          role: side,
          signedAt,
          ipAddress: options.ipAddress,
          userAgent: options.userAgent,
          signatureImage: options.signature ? new Uint8Array(options.signature) : null,
        },
      });
      await logActivity(tx, {
        partnershipId,
        userId: actor.id,
        type: "contract_signed",
        description: `${actor.name} signed the contract for the ${side}`,
        metadata: { contractId: locked.id, role: side },
        at: signedAt,
      });
      if (next === "active") {
        await logActivity(tx, {
          partnershipId,
          userId: actor.id,
          type: "contract_activated",
          description: "Contract signed by both parties and now active",
          metadata: { contractId: locked.id },
          at: signedAt,
        });
      }
      return detailView(await tx.contract.findUniqueOrThrow({ where: { id: locked.id }, select: contractSelect }));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_state", "This party has already signed the contract");
    throw error;
  }
}
