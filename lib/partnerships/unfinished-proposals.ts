/**
 * Unfinished proposals: what a creator or brand has typed into the composer before every field
 * a draft needs is filled. They belong to the sender's party (any member who may work sees and
 * continues them) and end when saved as a draft or sent (create-proposal.ts removes them).
 */
import type { Actor } from "../auth/actor";
import { getDb, type DbTx } from "../db";
import { notFound } from "../errors";
import { isUuid } from "../ids";
import { findOrNotFound } from "../find-or-not-found";
import { requirePermission } from "../organizations/permissions";
import { requireParticipant } from "./access";
import { partyName, partySelect } from "./proposal-view";
import { unfinishedProposalFields, type SaveUnfinishedProposalBody, type UnfinishedProposalFields } from "./schemas/unfinished-proposals";

export interface UnfinishedProposalItem {
  id: string;
  fields: UnfinishedProposalFields;
  /** The recipient's name, when one is chosen. */
  recipient: string | null;
  /** The first deliverable's description, to tell drafts apart. */
  title: string | null;
  updatedAt: string;
}

function ofParty(actor: Actor, permission: "read" | "work") {
  requireParticipant(actor);
  requirePermission(actor, permission);
  return { senderId: actor.partyId };
}

export async function saveUnfinishedProposal(options: { actor: Actor; body: SaveUnfinishedProposalBody }): Promise<{ id: string }> {
  const where = ofParty(options.actor, "work");
  const db = getDb();
  const fields = options.body.fields;
  if (options.body.id) {
    const updated = await db.unfinishedProposal.updateMany({
      where: { id: options.body.id, ...where },
      data: { fields, authorId: options.actor.id },
    });
    if (updated.count === 0) throw notFound("Unfinished proposal");
    return { id: options.body.id };
  }
  return db.unfinishedProposal.create({ data: { ...where, authorId: options.actor.id, fields }, select: { id: true } });
}

export async function listUnfinishedProposals(options: { actor: Actor }): Promise<UnfinishedProposalItem[]> {
  const where = ofParty(options.actor, "read");
  const db = getDb();
  const rows = await db.unfinishedProposal.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: 50 });
  const items = rows.map((r) => ({ row: r, fields: unfinishedProposalFields.parse(r.fields) }));
  const recipientIds = [...new Set(items.map((i) => i.fields.recipientId).filter(isUuid))];
  const recipients = recipientIds.length ? await db.user.findMany({ where: { id: { in: recipientIds } }, select: partySelect }) : [];
  const nameOf = new Map(recipients.map((u) => [u.id, partyName(u)]));
  return items.map(({ row, fields }) => ({
    id: row.id,
    fields,
    recipient: nameOf.get(fields.recipientId) ?? null,
    title: fields.deliverables.find((d) => d.description.trim())?.description.trim() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  }));
}

export async function getUnfinishedProposal(options: { actor: Actor; id: string }): Promise<UnfinishedProposalItem> {
  const where = ofParty(options.actor, "read");
  const row = await findOrNotFound("Unfinished proposal", options.id, (id) =>
    getDb().unfinishedProposal.findFirst({ where: { id, ...where } }),
  );
  const fields = unfinishedProposalFields.parse(row.fields);
  return { id: row.id, fields, recipient: null, title: null, updatedAt: row.updatedAt.toISOString() };
}

/** Inside the transaction that saves the proposal it became; nothing if it is not the actor's party's. */
export async function removeUnfinishedProposal(tx: DbTx, actor: Actor, id: string): Promise<void> {
  await tx.unfinishedProposal.deleteMany({ where: { id, senderId: actor.partyId } });
}

export async function discardUnfinishedProposal(options: { actor: Actor; id: string }): Promise<void> {
  const where = ofParty(options.actor, "work");
  await findOrNotFound("Unfinished proposal", options.id, async (id) => {
    const deleted = await getDb().unfinishedProposal.deleteMany({ where: { id, ...where } });
    return deleted.count > 0 ? deleted : null;
  });
}
