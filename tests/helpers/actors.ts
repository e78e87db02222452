/** Demo users as the services see them, for tests that call services directly. */
import type { Actor } from "@/lib/auth/actor";
import { findActorByEmail } from "@/lib/auth/authenticate";

export async function actorByEmail(email: string): Promise<Actor> {
  const actor = await findActorByEmail(email);
  if (!actor) throw new Error(`No active user ${email}`);
  return actor;
}
