import type { Prisma } from "../generated/prisma/client";

/**
 * The students a partner may look at one by one: those it sponsors or sponsored (a
 * sponsorship in any state) and those taking part in one of its programs. Any other
 * student is, to this partner, not found.
 */
export function visibleToPartner(partnerId: string): Prisma.StudentWhereInput {
  return { OR: [{ sponsorships: { some: { partnerId } } }, { programs: { some: { program: { partnerId } } } }] };
}
