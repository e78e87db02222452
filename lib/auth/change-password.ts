/**
 * A signed-in user changes their password. The current password must be given (a
 * stolen session alone cannot take the account over), guesses at it are throttled like
 * sign-ins, and every token and session issued before the change stops working.
 */
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Actor } from "./authenticate";
import { hashPassword, verifyPassword } from "./password";
import { revokeCredentials } from "./revoke-credentials";
import { reserveSignInAttempt } from "./sign-in-throttle";

export async function changePassword(options: {
  actor: Actor;
  currentPassword: string;
  newPassword: string;
  clientAddress: string;
}): Promise<{ sessionsEnded: number }> {
  const { actor } = options;
  const attempt = await reserveSignInAttempt({ email: actor.email, address: options.clientAddress });
  const user = await getDb().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(options.currentPassword, user.passwordHash))) {
    await attempt.failed();
    throw new AppError("validation_failed", "Invalid input: body.current_password: is not your current password", {
      fields: [{ path: "body.current_password", message: "is not your current password", type: "value_error.password_mismatch" }],
    });
  }
  await attempt.succeeded(actor.id);
  if (options.currentPassword === options.newPassword) {
    throw new AppError("validation_failed", "Invalid input: body.new_password: must differ from the current password", {
      fields: [{ path: "body.new_password", message: "must differ from the current password", type: "value_error.unchanged" }],
    });
  }
  const passwordHash = await hashPassword(options.newPassword);
  return getDb().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    return { sessionsEnded: await revokeCredentials(tx, { userId: actor.id }) };
  });
}
