/** One deliverable, for either party of its partnership. */
import { getDb } from "../db";
import type { DeliverableItem } from "./schemas/deliverables";
import { deliverableForParty, deliverableView, type DeliverableTarget } from "./deliverable-access";

export type GetDeliverableOptions = DeliverableTarget;

export async function getDeliverable(options: GetDeliverableOptions): Promise<DeliverableItem> {
  const { deliverable } = await deliverableForParty(getDb(), options, { permission: "read" });
  return deliverableView(deliverable);
}
