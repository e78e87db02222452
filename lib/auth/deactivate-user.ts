/** An admin deactivates an account: it can no longer sign in, and its tokens and sessions stop working at once. */
import { getDb } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import type { Actor } from "./authenticate";
import { revokeCredentials } from "./revoke-credentials";

export async function deactivateUser(options: { actor: Actor; userId: string }): Promise<{ id: string; email: string; active: false }> {
  if (options.actor.role !== "admin") throw new AppError("insufficient_permissions", "Role 'admin' required");
  if (options.userId === options.actor.id) throw new AppError("conflict", "Admins cannot deactivate their own account");
  return getDb().$transaction(async (tx) => {
    const user = await findOrNotFound("User", options.userId, (id) =>
      tx.user.findUnique({ where: { id }, select: { id: true, email: true } }),
    );
    await tx.user.update({ where: { id: user.id }, data: { active: false } });
    await revokeCredentials(tx, { userId: user.id });
    return { id: user.id, email: user.email, active: false as const };
  });
}
