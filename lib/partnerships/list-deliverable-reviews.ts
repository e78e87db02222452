/**
 * The review history of every deliverable of a partnership, for either party: each version
 * with its link, files and answer, and every comment, oldest first. Three queries, whatever
 * the number of deliverables.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnershipForParty } from "./access";
import { deliverableForParty } from "./deliverable-access";
import type { DeliverableCommentItem, DeliverableVersionItem } from "./schemas/deliverables";

export type ReviewVersion = DeliverableVersionItem;
export type ReviewComment = DeliverableCommentItem;

export interface DeliverableReview {
  versions: ReviewVersion[];
  comments: ReviewComment[];
}

export const deliverableFileUrl = (partnershipId: string, fileId: string) => `/api/partnerships/${partnershipId}/files/${fileId}`;

export async function listDeliverableReviews(options: {
  actor: Actor;
  partnershipId: string;
  /** Only this deliverable's (404 unless it belongs to the partnership). */
  deliverableId?: string;
}): Promise<Record<string, DeliverableReview>> {
  const db = getDb();
  if (options.deliverableId) {
    await deliverableForParty(
      db,
      { actor: options.actor, partnershipId: options.partnershipId, deliverableId: options.deliverableId },
      { permission: "read" },
    );
  } else {
    await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  }
  const inPartnership = {
    deliverable: { partnershipId: options.partnershipId },
    ...(options.deliverableId ? { deliverableId: options.deliverableId } : {}),
  };
  const [versions, comments] = await Promise.all([
    db.deliverableVersion.findMany({
      where: inPartnership,
      orderBy: [{ deliverableId: "asc" }, { number: "asc" }],
      include: {
        submittedBy: { select: { name: true } },
        reviewedBy: { select: { name: true } },
        files: {
          orderBy: [{ createdAt: "asc" }, { fileName: "asc" }],
          select: { id: true, fileName: true, contentType: true, byteSize: true },
        },
      },
    }),
    db.deliverableComment.findMany({
      where: inPartnership,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { author: { select: { name: true } }, version: { select: { number: true } } },
    }),
  ]);
  const reviews: Record<string, DeliverableReview> = {};
  const of = (id: string) => (reviews[id] ??= { versions: [], comments: [] });
  for (const v of versions) {
    of(v.deliverableId).versions.push({
      id: v.id,
      number: v.number,
      link: v.link,
      notes: v.notes,
      submittedAt: v.submittedAt.toISOString(),
      submittedBy: v.submittedBy.name,
      outcome: v.outcome,
      feedback: v.feedback,
      reviewedAt: v.reviewedAt?.toISOString() ?? null,
      reviewedBy: v.reviewedBy?.name ?? null,
      files: v.files.map((f) => ({ ...f, downloadUrl: deliverableFileUrl(options.partnershipId, f.id) })),
    });
  }
  for (const c of comments) {
    of(c.deliverableId).comments.push({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
      author: c.author.name,
      side: c.authorSide === "creator" ? "creator" : "brand",
      versionNumber: c.version?.number ?? null,
    });
  }
  return reviews;
}
