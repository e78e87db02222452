/** The deliverables of a partnership, in the order the proposal listed them. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnershipForParty } from "./access";
import type { DeliverableList } from "./schemas/deliverables";
import { deliverableView } from "./deliverable-access";

export interface ListDeliverablesOptions {
  actor: Actor;
  partnershipId: string;
}

export async function listDeliverables(options: ListDeliverablesOptions): Promise<DeliverableList> {
  const db = getDb();
  const { partnership } = await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const rows = await db.deliverable.findMany({ where: { partnershipId: partnership.id }, orderBy: { position: "asc" } });
  return { deliverables: rows.map(deliverableView) };
}
