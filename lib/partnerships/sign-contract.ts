/**
 * A party's electronic signature on the contract: the full name it typed, the consent
 * statement it accepted, its address, user agent and the time. The status moves sent →
 * signed_creator or signed_brand → active through `transition`; the contract row is
 * locked while a signature is recorded so two parties signing at once always end
 * `active`. Activation renders the signed document (both signatures and the audit
 * certificate) and stores it with its SHA-256 in the same transaction.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { renderSignedContract, type RequestOrigin } from "./contract-audit";
import { contractSelect, detailView } from "./contract-view";
import { logActivity } from "./log-activity";
import { CONSENT_TEXT, type ContractDetail } from "./schemas/contracts";
import { contractForDecision } from "./send-contract";
import { transition } from "./transitions";
import { contractSigned } from "../events/partnership-events";

export interface SignContractOptions extends RequestOrigin {
  actor: Actor;
  partnershipId: string;
  /** The signer's full name as typed (trimmed by the request schema). */
  fullName: string;
  /** The signer ticked the consent statement (`CONSENT_TEXT`). */
  consent: true;
  signature?: Buffer;
}

export async function signContract(options: SignContractOptions): Promise<ContractDetail> {
  const { actor, partnershipId } = options;
  const fullName = options.fullName.trim();
  if (options.consent !== true || fullName.length < 2) {
    throw new AppError("invalid_request", "A signature needs the signer's full name and consent", {
      fields: [
        ...(fullName.length < 2 ? [{ path: "body.fullName", message: "is required", type: "value_error.missing" }] : []),
        ...(options.consent !== true ? [{ path: "body.consent", message: "must be true", type: "value_error.const" }] : []),
      ],
    });
  }
  try {
    return await getDb().$transaction(async (tx) => {
      // The next status depends on who signed before; the row lock makes that read current.
      const { side, contract: locked, priorDecision } = await contractForDecision(tx, actor, partnershipId);
      if (priorDecision) {
        throw new AppError(
          "invalid_state",
          priorDecision === "rejected" ? `The ${side} has rejected this contract` : `The ${side} has already signed this contract`,
          { contractId: locked.id, role: side, decision: priorDecision },
        );
      }
      const other = side === "creator" ? "brand" : "creator";
      const next = locked.status === `signed_${other}` ? "active" : side === "creator" ? "signed_creator" : "signed_brand";
      await transition(tx, "contract", locked.id, next, {
        from: next === "active" ? [`signed_${other}`] : ["sent"],
        message:
          locked.status === "draft"
            ? "The contract is a draft: it must be sent for signature first"
            : `Cannot sign a contract that is ${locked.status}`,
      });

      const signedAt = new Date();
      await tx.contractSignature.create({
        data: {
          contractId: locked.id,
          userId: actor.id,
          role: side,
          decision: "signed",
          fullName,
          consentText: CONSENT_TEXT,
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
        description: `${actor.name} signed the contract for the ${side} as "${fullName}"`,
        metadata: { contractId: locked.id, role: side, fullName, ipAddress: options.ipAddress, userAgent: options.userAgent },
        at: signedAt,
      });
      if (next === "active") {
        const signed = await renderSignedContract(tx, locked.id, signedAt);
        await tx.contract.update({
          where: { id: locked.id },
          data: { activatedAt: signedAt, signedDocument: new Uint8Array(signed.document), signedDocumentSha256: signed.sha256 },
        });
        await logActivity(tx, {
          partnershipId,
          userId: actor.id,
          type: "contract_activated",
          description: "Contract signed by both parties and now active",
          metadata: { contractId: locked.id, signedDocumentSha256: signed.sha256 },
          at: signedAt,
        });
        await contractSigned(tx, { partnershipId, contractId: locked.id, at: signedAt });
      }
      return detailView(await tx.contract.findUniqueOrThrow({ where: { id: locked.id }, select: contractSelect }));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_state", "This party has already signed the contract");
    throw error;
  }
}
