/**
 * Either party ends an active partnership with a reason (apply-termination.ts says what
 * that does to its money and work). The partnership row is locked first, so of two
 * concurrent requests one terminates and the other finds it terminated and answers the
 * same partnership, changing nothing.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { partnershipForParty } from "./access";
import { applyTermination } from "./apply-termination";
import { getPartnership } from "./get-partnership";
import type { PartnershipResponse } from "./schemas/partnerships";

export interface TerminatePartnershipOptions {
  actor: Actor;
  partnershipId: string;
  reason: string;
}

export async function terminatePartnership(options: TerminatePartnershipOptions): Promise<PartnershipResponse> {
  const { actor, partnershipId, reason } = options;
  return getDb().$transaction(async (tx) => {
    const { partnership } = await partnershipForParty(tx, actor, partnershipId, { lock: true, permission: "manage" });
    if (partnership.status === "completed")
      throw new AppError("invalid_state", "Partnership is completed", { partnershipStatus: "completed" });
    if (partnership.status === "active") await applyTermination(tx, { partnershipId, actorId: actor.id, reason, at: new Date() });
    return getPartnership({ actor, partnershipId, db: tx });
  });
}
