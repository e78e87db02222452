/**
 * A party refuses the contract, with a reason. The refusal is recorded like a signature
 * (decision rejected, address, user agent, time), the contract is terminated and the
 * partnership ends with it. A party that signed cannot reject afterwards, and one that
 * rejected cannot sign.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { applyTermination } from "./apply-termination";
import type { RequestOrigin } from "./contract-audit";
import { contractSelect, detailView } from "./contract-view";
import { logActivity } from "./log-activity";
import type { ContractDetail } from "./schemas/contracts";
import { contractForDecision } from "./send-contract";
import { transition } from "./transitions";

export interface RejectContractOptions extends RequestOrigin {
  actor: Actor;
  partnershipId: string;
  reason: string;
}

export async function rejectContract(options: RejectContractOptions): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  const reason = options.reason.trim();
  if (!reason) {
    throw new AppError("invalid_request", "A reason is required to reject the contract", {
      fields: [{ path: "body.reason", message: "is required", type: "value_error.missing" }],
    });
  }
  try {
    return await getDb().$transaction(async (tx) => {
      const { side, contract: locked, priorDecision } = await contractForDecision(tx, actor, partnershipId);
      if (priorDecision) {
        throw new AppError(
          "invalid_state",
          priorDecision === "signed"
            ? `The ${side} has signed this contract; a signature cannot be withdrawn`
            : `The ${side} has already rejected this contract`,
          { contractId: locked.id, role: side, decision: priorDecision },
        );
      }
      const other = side === "creator" ? "brand" : "creator";
      // Only a contract put before this party for signature can be refused by it.
      await transition(tx, "contract", locked.id, "terminated", {
        from: ["sent", `signed_${other}` as const],
        message:
          locked.status === "draft"
            ? "The contract is a draft: it can be rejected once it is sent for signature"
            : `Cannot reject a contract that is ${locked.status}`,
      });
      const at = new Date();
      await tx.contractSignature.create({
        data: {
          contractId: locked.id,
          userId: actor.id,
          role: side,
          decision: "rejected",
          reason,
          signedAt: at,
          ipAddress: options.ipAddress,
          userAgent: options.userAgent,
        },
      });
      await tx.contract.update({ where: { id: locked.id }, data: { terminatedAt: at } });
      await logActivity(tx, {
        partnershipId,
        userId: actor.id,
        type: "contract_rejected",
        description: `${actor.name} rejected the contract for the ${side}: ${reason}`,
        metadata: { contractId: locked.id, role: side, reason, ipAddress: options.ipAddress, userAgent: options.userAgent },
        at,
      });
      await applyTermination(tx, { partnershipId, actorId: actor.id, reason: `Contract rejected by the ${side}: ${reason}`, at });
      return detailView(await tx.contract.findUniqueOrThrow({ where: { id: locked.id }, select: contractSelect }));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_state", "This party has already decided on the contract");
    throw error;
  }
}
