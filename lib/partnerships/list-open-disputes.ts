/** The admins' queue: every open dispute on the platform, oldest first, with its partnership's parties. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { disputeInclude, requireAdmin, toDisputeResponses } from "./dispute-view";
import type { DisputeResponse } from "./schemas/disputes";

export interface ListOpenDisputesOptions {
  actor: Actor;
}

export interface OpenDisputeItem {
  dispute: DisputeResponse;
  creatorName: string;
  brandName: string;
}

export async function listOpenDisputes(options: ListOpenDisputesOptions): Promise<OpenDisputeItem[]> {
  requireAdmin(options.actor, "see the dispute queue");
  const db = getDb();
  const disputes = await db.dispute.findMany({
    where: { status: "open" },
    include: {
      ...disputeInclude,
      partnership: { select: { currency: true, creator: { select: { name: true } }, brand: { select: { name: true } } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const responses = await toDisputeResponses(db, disputes);
  return disputes.map((dispute, index) => ({
    dispute: responses[index]!,
    creatorName: dispute.partnership.creator.name,
    brandName: dispute.partnership.brand.name,
  }));
}
