/**
 * Whom a creator or brand can address a proposal to: the party account of every other
 * brand or creator organisation (the member holding its profile), by the name the
 * workspace shows (brands by company).
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { requireParticipant } from "./access";
import { partyName, partyProfile, partySelect } from "./proposal-view";

export interface Counterpart {
  id: string;
  name: string;
  role: "creator" | "brand";
}

export interface ListCounterpartsOptions {
  actor: Actor;
}

export async function listCounterparts(options: ListCounterpartsOptions): Promise<Counterpart[]> {
  const { actor } = options;
  requireParticipant(actor);
  const role: Counterpart["role"] = actor.role === "creator" ? "brand" : "creator";
  const users = await getDb().user.findMany({
    where: { role, active: true, ...partyProfile(role), NOT: { id: actor.partyId } },
    select: partySelect,
  });
  return users
    .map((user) => ({ id: user.id, name: partyName(user), role }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || a.id.localeCompare(b.id));
}
