/** Checks an email and password; the one place that decides whether a sign-in succeeds. */
import { checkSignInAllowed, recordSignInFailure } from "../api/rate-limit";
import { getDb } from "../db";
import { isUuid } from "../ids";
import type { Role } from "../generated/prisma/client";
import { decoyHash, verifyPassword } from "./password";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  image: string | null;
  organizationId: string | null;
}

const actorFields = { id: true, email: true, name: true, role: true, image: true, organizationId: true } as const;

/**
 * Returns the user when the credentials match an active account, otherwise null.
 * Guessing is slowed down: after a few failures for one address within a minute,
 * further attempts are refused with 429 until the minute is over.
 */
export async function authenticate(options: { email: string; password: string }): Promise<Actor | null> {
  await checkSignInAllowed(options.email);
  const user = await getDb().user.findUnique({
    where: { email: options.email.trim().toLowerCase() },
    select: { ...actorFields, passwordHash: true, active: true },
  });
  // Verify against a decoy when the email is unknown, so timing does not reveal which part was wrong.
  const valid = await verifyPassword(options.password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !valid || !user.active) {
    await recordSignInFailure(options.email);
    return null;
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, image: user.image, organizationId: user.organizationId };
}

/** Loads an active user by id, as the acting user of a request. */
export async function findActor(options: { userId: string }): Promise<Actor | null> {
  if (!isUuid(options.userId)) return null;
  const user = await getDb().user.findFirst({ where: { id: options.userId, active: true }, select: actorFields });
  return user;
}
