/**
 * The deliverables of a partnership: the creator submits, the brand approves or asks for
 * a revision. Status changes go through `transition`, so a request made against a stale
 * status is refused with 409 and changes nothing.
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import type { Deliverable } from "../generated/prisma/client";
import { AppError } from "../errors";
import { isUuid } from "../ids";
import { partnershipForParty, requireSide } from "./access";
import { logActivity } from "./activity";
import { completePartnershipIfDone } from "./complete-partnership";
import type { DeliverableItem, DeliverableList } from "./deliverable-schemas";
import { transition } from "./transitions";

const deliverableNotFound = () => new AppError("resource_not_found", "Deliverable not found");

function view(d: Deliverable): DeliverableItem {
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
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

interface Target {
  actor: Actor;
  partnershipId: string;
  deliverableId: string;
}

/** The deliverable if it belongs to a partnership the actor is a party to; 404 otherwise. */
async function deliverableForParty(tx: DbTx, target: Target, options: { lock?: boolean } = {}) {
  const { partnership, side } = await partnershipForParty(tx, target.actor, target.partnershipId, options);
  if (!isUuid(target.deliverableId)) throw deliverableNotFound();
  const deliverable = await tx.deliverable.findFirst({ where: { id: target.deliverableId, partnershipId: partnership.id } });
  if (!deliverable) throw deliverableNotFound();
  return { partnership, side, deliverable };
}

/**
 * Runs one action on a deliverable of an active partnership. The partnership row is
 * locked so the action cannot interleave with its termination or completion.
 */
async function act(
  target: Target,
  action: (tx: DbTx, context: Awaited<ReturnType<typeof deliverableForParty>>) => Promise<void>,
): Promise<DeliverableItem> {
  return getDb().$transaction(async (tx) => {
    const context = await deliverableForParty(tx, target, { lock: true });
    if (context.partnership.status !== "active") {
      throw new AppError("invalid_state", `Partnership is ${context.partnership.status}`, { partnershipStatus: context.partnership.status });
    }
    await action(tx, context);
    return view(await tx.deliverable.findUniqueOrThrow({ where: { id: context.deliverable.id } }));
  });
}

export async function listDeliverables(options: { actor: Actor; partnershipId: string }): Promise<DeliverableList> {
  const db = getDb();
  const { partnership } = await partnershipForParty(db, options.actor, options.partnershipId);
  const rows = await db.deliverable.findMany({ where: { partnershipId: partnership.id }, orderBy: { position: "asc" } });
  return { deliverables: rows.map(view) };
}

export async function getDeliverable(options: Target): Promise<DeliverableItem> {
  const { deliverable } = await deliverableForParty(getDb(), options);
  return view(deliverable);
}

export async function submitDeliverable(options: Target & { submissionUrl: string; notes?: string }): Promise<DeliverableItem> {
  return act(options, async (tx, { side, deliverable }) => {
    requireSide(side, "creator", "submit deliverables");
    await transition(tx, "deliverable", deliverable.id, "submitted", { message: `Cannot submit a deliverable that is ${deliverable.status}` });
    const at = new Date();
    // Feedback belongs to the previous submission; the brand answers this one afresh.
    await tx.deliverable.update({
      where: { id: deliverable.id },
      data: { submissionUrl: options.submissionUrl, notes: options.notes ?? null, feedback: null, submittedAt: at },
    });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_submitted",
      description: `${options.actor.name} submitted "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id, submissionUrl: options.submissionUrl, resubmission: deliverable.status === "in_progress" },
      at,
    });
  });
}

export async function approveDeliverable(options: Target & { feedback?: string }): Promise<DeliverableItem> {
  return act(options, async (tx, { side, deliverable }) => {
    requireSide(side, "brand", "approve deliverables");
    await transition(tx, "deliverable", deliverable.id, "approved", { message: `Cannot approve a deliverable that is ${deliverable.status}` });
    const at = new Date();
    await tx.deliverable.update({ where: { id: deliverable.id }, data: { approvedAt: at, feedback: options.feedback ?? null } });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_approved",
      description: `${options.actor.name} approved "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id },
      at,
    });
    await completePartnershipIfDone(tx, { partnershipId: deliverable.partnershipId, userId: options.actor.id, at });
  });
}

export async function requestRevision(options: Target & { feedback: string }): Promise<DeliverableItem> {
  return act(options, async (tx, { side, deliverable }) => {
    requireSide(side, "brand", "request revisions");
    await transition(tx, "deliverable", deliverable.id, "in_progress", {
      from: ["submitted"],
      message: `Cannot request a revision of a deliverable that is ${deliverable.status}`,
    });
    const at = new Date();
    await tx.deliverable.update({ where: { id: deliverable.id }, data: { feedback: options.feedback, revisionCount: { increment: 1 } } });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_revision_requested",
      description: `${options.actor.name} requested changes to "${deliverable.description}"`,
      metadata: { deliverableId: deliverable.id, feedback: options.feedback },
      at,
    });
  });
}
