/** Demo users as the services see them, for tests that call services directly. */
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";

export async function actorByEmail(email: string): Promise<Actor> {
  return getDb().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, email: true, name: true, role: true, image: true, organizationId: true },
  });
}
