/** GET /partnerships/{id}/disputes/{disputeId}: one dispute, for the partnership's parties and admins. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { disputeOf, partnershipForPartyOrAdmin, toDisputeResponses } from "./dispute-view";
import type { DisputeResponse } from "./schemas/disputes";

export interface GetDisputeOptions {
  actor: Actor;
  partnershipId: string;
  disputeId: string;
}

export async function getDispute(options: GetDisputeOptions): Promise<DisputeResponse> {
  const db = getDb();
  const partnership = await partnershipForPartyOrAdmin(db, options.actor, options.partnershipId, { permission: "read" });
  const [response] = await toDisputeResponses(db, [await disputeOf(db, partnership.id, options.disputeId)]);
  return response!;
}
