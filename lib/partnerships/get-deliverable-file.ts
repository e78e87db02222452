/** A file given with a deliverable version, for the two parties of its partnership only (404 for anyone else). */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { uploadStore } from "../uploads/upload-store";
import { partnershipForParty } from "./access";

export interface DeliverableFileContent {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export async function getDeliverableFile(options: {
  actor: Actor;
  partnershipId: string;
  fileId: string;
}): Promise<DeliverableFileContent> {
  const db = getDb();
  await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const file = await findOrNotFound("File", options.fileId, (id) =>
    db.deliverableFile.findFirst({
      where: { id, version: { deliverable: { partnershipId: options.partnershipId } } },
      select: { fileName: true, contentType: true, storageKey: true },
    }),
  );
  return { fileName: file.fileName, contentType: file.contentType, bytes: await uploadStore().get(file.storageKey) };
}
