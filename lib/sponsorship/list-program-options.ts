/** The programs a payment can be made for. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnerOf } from "./partner-of";

export interface ListProgramOptionsOptions {
  actor: Actor;
}

/** The partner's programs, newest first. */
export async function listProgramOptions(options: ListProgramOptionsOptions): Promise<Array<{ id: string; name: string }>> {
  const partnerId = partnerOf(options.actor, "read");
  return getDb().program.findMany({
    where: { partnerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true },
  });
}
