/** Ends every session and revokes every token of the acting user, this one included. */
import { getDb } from "../db";
import type { Actor } from "./authenticate";
import { revokeCredentials } from "./revoke-credentials";

export async function signOutEverywhere(options: { actor: Actor }): Promise<{ sessionsEnded: number }> {
  return getDb().$transaction(async (tx) => ({ sessionsEnded: await revokeCredentials(tx, { userId: options.actor.id }) }));
}
