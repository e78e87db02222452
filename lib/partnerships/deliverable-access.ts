/**
 * The deliverables of a partnership: the creator submits, the brand approves or asks for
 * a revision. Status changes go through `transition`, so a request made against a stale
 * status is refused with 409 and changes nothing. What the deliverable actions share:
 * how a deliverable is shown, found for a party, and acted on.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import type { Deliverable } from "../generated/prisma/client";
import { partnershipForParty, requireActivePartnership, type PartyAccess } from "./access";
import type { DeliverableItem } from "./schemas/deliverables";

export function deliverableView(d: Deliverable): DeliverableItem {
  return {
    id: d.id,
    partnershipId: d.partnershipId,
    type: d.type,
    description: d.description,
    dueDate: d.dueDate.toISOString(),
    requirements: d.requirements,
    status: d.status,
    submissionUrl: d.submissionUrl,
    feedback: d.feedback,
    submittedAt: d.submittedAt?.toISOString() ?? null,
    approvedAt: d.approvedAt?.toISOString() ?? null,
    reviewDeadlineAt: d.reviewDeadlineAt?.toISOString() ?? null,
    autoApproved: d.autoApproved,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export interface DeliverableTarget {
  actor: Actor;
  partnershipId: string;
  deliverableId: string;
}

/** The deliverable if it belongs to a partnership the actor is a party to; 404 otherwise. */
export async function deliverableForParty(tx: DbTx, target: DeliverableTarget, options: PartyAccess) {
  const { partnership, side } = await partnershipForParty(tx, target.actor, target.partnershipId, options);
  const deliverable = await findOrNotFound("Deliverable", target.deliverableId, (id) =>
    tx.deliverable.findFirst({ where: { id, partnershipId: partnership.id } }),
  );
  return { partnership, side, deliverable };
}

/**
 * Runs one action on a deliverable of an active partnership. The partnership row is
 * locked so the action cannot interleave with its termination or completion.
 */
export async function actOnDeliverable(
  target: DeliverableTarget,
  action: (tx: DbTx, context: Awaited<ReturnType<typeof deliverableForParty>>) => Promise<void>,
): Promise<DeliverableItem> {
  return getDb().$transaction(async (tx) => {
    const context = await deliverableForParty(tx, target, { lock: true, permission: "work" });
    requireActivePartnership(context.partnership.status);
    await action(tx, context);
    return deliverableView(await tx.deliverable.findUniqueOrThrow({ where: { id: context.deliverable.id } }));
  });
}
