/**
 * Bearer tokens for API clients: HS256-signed JWTs with subject, issuer, audience and
 * expiry. Verification pins the algorithm list, so `alg: none` and algorithm
 * substitution are rejected.
 */
import { jwtVerify, SignJWT, errors as joseErrors } from "jose";
import type { Role } from "../generated/prisma/client";
import { getAuthSecret } from "./secret";

export const TOKEN_ISSUER = "harambee";
export const TOKEN_AUDIENCE = "harambee-api";
const ALGORITHM = "HS256";

export function tokenLifetimeSeconds(): number {
  const configured = Number(process.env.ACCESS_TOKEN_TTL_SECONDS);
  return Number.isInteger(configured) && configured > 0 ? configured : 3600;
}

function key(): Uint8Array {
  return new TextEncoder().encode(getAuthSecret());
}

export interface TokenSubject {
  id: string;
  role: Role;
}

export async function issueAccessToken(subject: TokenSubject, lifetimeSeconds = tokenLifetimeSeconds()): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: subject.role })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(subject.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(key());
}

/** Returns the user id the token was issued to, or null when the token is not valid. */
export async function verifyAccessToken(token: string): Promise<string | null> {
  try {
    const { payload } = await jwtVerify(token, key(), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    return typeof payload.sub === "string" ? payload.sub : null;
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
