/** Either party remarks on a deliverable; the remark is tied to the version current when it was written. */
import { getDb } from "../db";
import { deliverableForParty, type DeliverableTarget } from "./deliverable-access";
import { logActivity } from "./log-activity";

export interface AddDeliverableCommentOptions extends DeliverableTarget {
  body: string;
}

export async function addDeliverableComment(options: AddDeliverableCommentOptions): Promise<{ id: string }> {
  return getDb().$transaction(async (tx) => {
    const { side, deliverable } = await deliverableForParty(tx, options, { permission: "work" });
    const version = await tx.deliverableVersion.findFirst({
      where: { deliverableId: deliverable.id },
      orderBy: { number: "desc" },
      select: { id: true, number: true },
    });
    const at = new Date();
    const comment = await tx.deliverableComment.create({
      data: {
        deliverableId: deliverable.id,
        versionId: version?.id ?? null,
        authorId: options.actor.id,
        authorSide: side,
        body: options.body,
        createdAt: at,
      },
      select: { id: true },
    });
    await logActivity(tx, {
      partnershipId: deliverable.partnershipId,
      userId: options.actor.id,
      type: "deliverable_commented",
      description: `${options.actor.name} commented on "${deliverable.description}"${version ? ` (version ${version.number})` : ""}`,
      metadata: { deliverableId: deliverable.id, commentId: comment.id, version: version?.number ?? null },
      at,
    });
    return comment;
  });
}
