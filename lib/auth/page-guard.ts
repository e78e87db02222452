import { redirect } from "next/navigation";
import type { Role } from "../generated/prisma/client";
import { actorFromSession, type Actor } from "./actor";
import { homePathFor } from "./home";
import { redirectToLogin } from "./return-path";

/** For pages: the signed-in user with one of `roles`; others go to sign-in or their own home. */
export async function requirePageActor(roles: Role[]): Promise<Actor> {
  const actor = await actorFromSession();
  if (!actor) return redirectToLogin();
  if (!roles.includes(actor.role)) redirect(homePathFor(actor.role));
  return actor;
}
