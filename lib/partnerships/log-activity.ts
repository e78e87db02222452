/** The partnership's activity log: every state change, who made it and when. */
import type { DbTx, Prisma } from "../db";

export async function logActivity(
  tx: DbTx,
  entry: { partnershipId: string; userId: string | null; type: string; description: string; metadata?: Prisma.InputJsonValue; at?: Date },
): Promise<void> {
  await tx.activityLog.create({
    data: {
      partnershipId: entry.partnershipId,
      userId: entry.userId,
      type: entry.type,
      description: entry.description,
      metadata: entry.metadata,
      createdAt: entry.at ?? new Date(),
    },
  });
}
