/**
 * Revokes every token and session of a user at once, by bumping the token version they
 * all carry and ending the sessions: after a password change, on "sign out everywhere",
 * and when an account is deactivated. Returns how many open sessions it ended.
 */
import type { DbTx } from "../db";

export async function revokeCredentials(tx: DbTx, options: { userId: string; now?: Date }): Promise<number> {
  const now = options.now ?? new Date();
  await tx.user.update({ where: { id: options.userId }, data: { tokenVersion: { increment: 1 } } });
  const { count } = await tx.authSession.updateMany({
    where: { userId: options.userId, endedAt: null, expiresAt: { gt: now } },
    data: { endedAt: now },
  });
  return count;
}
