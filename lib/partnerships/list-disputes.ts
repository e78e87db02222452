/** GET /partnerships/{id}/disputes: every dispute of the partnership, newest first, for its parties and admins. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { disputeInclude, partnershipForPartyOrAdmin, toDisputeResponses } from "./dispute-view";
import type { ListDisputesResponse } from "./schemas/disputes";

export interface ListDisputesOptions {
  actor: Actor;
  partnershipId: string;
}

export async function listDisputes(options: ListDisputesOptions): Promise<ListDisputesResponse> {
  const db = getDb();
  const partnership = await partnershipForPartyOrAdmin(db, options.actor, options.partnershipId, { permission: "read" });
  const disputes = await db.dispute.findMany({
    where: { partnershipId: partnership.id },
    include: disputeInclude,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return { disputes: await toDisputeResponses(db, disputes) };
}
