/**
 * Who is making a request. API routes accept a bearer token (third parties) or the
 * next-auth session cookie (the browser); server components use the session.
 */
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { findActor, type Actor } from "./authenticate";
import { authOptions } from "./next-auth";
import { getAuthSecret } from "./secret";
import { verifyAccessToken } from "./tokens";

export type { Actor };

/**
 * Returns the acting user, or null when the request carries no valid credentials.
 * An Authorization header, when present, decides alone: a bad bearer token is not
 * rescued by a session cookie.
 */
export async function actorFromRequest(request: NextRequest | Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return null;
    const userId = await verifyAccessToken(match[1]);
    return userId ? findActor({ userId }) : null;
  }
  const session = await getToken({ req: request as NextRequest, secret: getAuthSecret() });
  return typeof session?.sub === "string" ? findActor({ userId: session.sub }) : null;
}

/** The signed-in user of the current page request, or null. */
export async function actorFromSession(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const userId = (session?.user as { id?: string } | undefined)?.id;
  return userId ? findActor({ userId }) : null;
}
