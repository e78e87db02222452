/** The counties a program's eligibility can name. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnerOf } from "./partner-of";

export interface ListCountyNamesOptions {
  actor: Actor;
}

/** Every county by name (program eligibility may name a county with no students yet). */
export async function listCountyNames(options: ListCountyNamesOptions): Promise<string[]> {
  partnerOf(options.actor, "read");
  const counties = await getDb().county.findMany({ orderBy: { name: "asc" }, select: { name: true } });
  return counties.map((county) => county.name);
}
