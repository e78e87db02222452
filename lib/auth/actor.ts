/**
 * Who is making a request. API routes accept a bearer token (third parties) or the
 * next-auth session cookie (the browser); server components and server actions use the
 * session. Either way the credentials must still be current: the user active, the token
 * version theirs, and a session not ended.
 */
import { getToken, type JWT } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import type { NextRequest } from "next/server";
import { findActor, findActorForApiKey, type Actor } from "./authenticate";
import { getAuthSecret } from "./secret";
import { SESSION_MAX_AGE_SECONDS } from "./sessions";
import { lifetimeIsPlausible, verifyAccessToken } from "./tokens";

export type { Actor };

/** How the request proved who it is: a session cookie (the browser) or a bearer token. */
export type Credential = "session" | "bearer";

export interface RequestActor {
  actor: Actor;
  credential: Credential;
}

/** Whether the public origin is https, which decides the session cookie's name. */
const secureOrigin = (proto: string | null | undefined) => proto === "https";

async function actorFromSessionToken(token: JWT | null): Promise<Actor | null> {
  if (!token || typeof token.sub !== "string" || typeof token.sid !== "string" || typeof token.ver !== "number") return null;
  if (!lifetimeIsPlausible({ iat: token.iat, exp: token.exp }, SESSION_MAX_AGE_SECONDS)) return null;
  return findActor({ userId: token.sub, tokenVersion: token.ver, sessionId: token.sid });
}

/**
 * Returns the acting user and the kind of credential, or null when the request carries
 * no valid credentials. An Authorization header, when present, decides alone: a bad
 * bearer token is not rescued by a session cookie.
 */
export async function authenticateRequest(request: NextRequest | Request): Promise<RequestActor | null> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) return null;
    if (match[1]!.startsWith("hmb_")) {
      const actor = await findActorForApiKey(match[1]!);
      return actor ? { actor, credential: "bearer" } : null;
    }
    const verified = await verifyAccessToken(match[1]);
    const actor = verified ? await findActor(verified) : null;
    return actor ? { actor, credential: "bearer" } : null;
  }
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(/:$/, "");
  const session = await getToken({ req: request as NextRequest, secret: getAuthSecret(), secureCookie: secureOrigin(proto) });
  const actor = await actorFromSessionToken(session);
  return actor ? { actor, credential: "session" } : null;
}

export async function actorFromRequest(request: NextRequest | Request): Promise<Actor | null> {
  return (await authenticateRequest(request))?.actor ?? null;
}

/** The signed-in user of the current page request or server action, or null. */
export async function actorFromSession(): Promise<Actor | null> {
  const [cookieStore, requestHeaders] = await Promise.all([cookies(), headers()]);
  // Only the cookie: a page never takes a session token from an Authorization header.
  const req = { cookies: cookieStore, headers: new Headers() } as unknown as NextRequest;
  const session = await getToken({ req, secret: getAuthSecret(), secureCookie: secureOrigin(requestHeaders.get("x-forwarded-proto")) });
  return actorFromSessionToken(session);
}
