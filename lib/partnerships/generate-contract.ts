/**
 * The partnership contract, generated once as a PDF by either party of an active
 * partnership. It starts as a draft; the document rendered here is the one sent for
 * signature (send-contract.ts) and signed.
 */
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError } from "../errors";
import { partnershipForParty, requireActivePartnership } from "./access";
import { contractDocumentInput, documentInputSnapshot, sha256Of, type RequestOrigin } from "./contract-audit";
import { renderContractDocument } from "./contract-document";
import { REVIEW_WINDOW_DAYS, type ContractSummary } from "./schemas/contracts";
import { summaryView } from "./contract-view";
import { logActivity } from "./log-activity";

export interface GenerateContractOptions extends Partial<RequestOrigin> {
  actor: Actor;
  partnershipId: string;
  /** Days the brand has to review each submission (1-60). */
  reviewWindowDays?: number;
}

export async function generateContract(options: GenerateContractOptions): Promise<ContractSummary> {
  const { actor, partnershipId } = options;
  const reviewWindowDays = options.reviewWindowDays ?? REVIEW_WINDOW_DAYS.default;
  if (!Number.isInteger(reviewWindowDays) || reviewWindowDays < REVIEW_WINDOW_DAYS.min || reviewWindowDays > REVIEW_WINDOW_DAYS.max) {
    throw new AppError(
      "invalid_request",
      `reviewWindowDays must be a whole number from ${REVIEW_WINDOW_DAYS.min} to ${REVIEW_WINDOW_DAYS.max}`,
      {
        fields: [{ path: "body.reviewWindowDays", message: "is out of range", type: "value_error.number" }],
      },
    );
  }
  try {
    return await getDb().$transaction(async (tx) => {
      // The partnership lock makes a concurrent second generate wait and then see the first.
      const { partnership, side } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "work" });
      requireActivePartnership(partnership.status);
      const existing = await tx.contract.findUnique({ where: { partnershipId }, select: { id: true } });
      if (existing) throw new AppError("invalid_state", "Contract already exists", { contractId: existing.id });

      const id = randomUUID();
      const generatedAt = new Date();
      const input = await contractDocumentInput(tx, { partnershipId, contractId: id, generatedAt, reviewWindowDays });
      const document = await renderContractDocument(input);
      const documentSha256 = sha256Of(document);
      const contract = await tx.contract.create({
        data: {
          id,
          partnershipId,
          status: "draft",
          reviewWindowDays,
          document: new Uint8Array(document),
          documentSha256,
          createdAt: generatedAt,
          updatedAt: generatedAt,
        },
        select: {
          id: true,
          partnershipId: true,
          status: true,
          reviewWindowDays: true,
          documentSha256: true,
          createdAt: true,
          updatedAt: true,
        },
      });
      await logActivity(tx, {
        partnershipId,
        userId: actor.id,
        type: "contract_generated",
        description: `${actor.name} generated the contract (draft, ${reviewWindowDays}-day review window)`,
        // The input is kept so that the signed document repeats exactly what was sent.
        metadata: {
          contractId: id,
          documentSha256,
          reviewWindowDays,
          role: side,
          ipAddress: options.ipAddress ?? null,
          userAgent: options.userAgent ?? null,
          documentInput: documentInputSnapshot(input),
        },
        at: generatedAt,
      });
      return summaryView(contract);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("invalid_state", "Contract already exists");
    throw error;
  }
}
