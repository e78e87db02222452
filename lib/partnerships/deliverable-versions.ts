/**
 * A deliverable's versions: each submission is a new version, which the brand's answer
 * (approval or a request for changes) closes. Versions are never rewritten after their answer,
 * so every submission and the feedback on it stays readable.
 */
import type { DbTx } from "../db";
import type { ReviewOutcome } from "../generated/prisma/enums";
import type { StoredUpload } from "../uploads/store-files";

/** Adds the next version (numbered after the last) with its files. The caller holds the partnership's lock. */
export async function addVersion(
  tx: DbTx,
  options: { deliverableId: string; submittedById: string; link: string | null; notes: string | null; files: StoredUpload[]; at: Date },
): Promise<{ id: string; number: number }> {
  const last = await tx.deliverableVersion.findFirst({
    where: { deliverableId: options.deliverableId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return tx.deliverableVersion.create({
    data: {
      deliverableId: options.deliverableId,
      number: (last?.number ?? 0) + 1,
      submittedById: options.submittedById,
      link: options.link,
      notes: options.notes,
      submittedAt: options.at,
      files: {
        create: options.files.map((f) => ({
          uploadedById: options.submittedById,
          fileName: f.fileName,
          contentType: f.contentType,
          byteSize: f.byteSize,
          sha256: f.sha256,
          storageKey: f.storageKey,
          createdAt: options.at,
        })),
      },
    },
    select: { id: true, number: true },
  });
}

/** Records the brand's answer (or the review window's) on the version awaiting one. */
export async function answerLatestVersion(
  tx: DbTx,
  options: { deliverableId: string; outcome: ReviewOutcome; feedback: string | null; reviewedById: string | null; at: Date },
): Promise<void> {
  const latest = await tx.deliverableVersion.findFirst({
    where: { deliverableId: options.deliverableId },
    orderBy: { number: "desc" },
    select: { id: true, outcome: true },
  });
  // A deliverable submitted before versions were kept has none to answer.
  if (!latest || latest.outcome !== null) return;
  await tx.deliverableVersion.update({
    where: { id: latest.id },
    data: { outcome: options.outcome, feedback: options.feedback, reviewedById: options.reviewedById, reviewedAt: options.at },
  });
}
