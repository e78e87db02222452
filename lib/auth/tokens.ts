/**
 * Bearer tokens for API clients: HS256-signed JWTs with subject, issuer, audience,
 * issue and expiry times, and the user's token version. Verification pins the
 * algorithm list (so `alg: none` and algorithm substitution are rejected), refuses a
 * token issued in the future or living longer than the configured lifetime, and the
 * caller refuses one whose version is no longer the user's (revoked).
 */
import { jwtVerify, SignJWT, errors as joseErrors } from "jose";
import type { Role } from "../generated/prisma/client";
import { getAuthSecret } from "./secret";

export const TOKEN_ISSUER = "harambee";
export const TOKEN_AUDIENCE = "harambee-api";
const ALGORITHM = "HS256";
/** Clocks of the machines that issue and check tokens may differ by this much. */
export const CLOCK_SKEW_SECONDS = 30;

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
  tokenVersion: number;
}

export interface VerifiedToken {
  userId: string;
  tokenVersion: number;
}

export async function issueAccessToken(subject: TokenSubject, lifetimeSeconds = tokenLifetimeSeconds()): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: subject.role, ver: subject.tokenVersion })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(subject.id)
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetimeSeconds)
    .sign(key());
}

/** Issued no later than now and valid no longer than `maxLifetimeSeconds`. */
export function lifetimeIsPlausible(claims: { iat?: unknown; exp?: unknown }, maxLifetimeSeconds: number, now = Date.now()): boolean {
  const { iat, exp } = claims;
  if (typeof iat !== "number" || typeof exp !== "number") return false;
  return iat <= now / 1000 + CLOCK_SKEW_SECONDS && exp - iat <= maxLifetimeSeconds + CLOCK_SKEW_SECONDS;
}

/** Returns who the token was issued to, or null when it is not valid. */
export async function verifyAccessToken(token: string): Promise<VerifiedToken | null> {
  try {
    const lifetime = tokenLifetimeSeconds();
    const { payload } = await jwtVerify(token, key(), {
      algorithms: [ALGORITHM],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["sub", "exp", "iat", "ver"],
      maxTokenAge: lifetime + CLOCK_SKEW_SECONDS,
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
    if (typeof payload.sub !== "string" || typeof payload.ver !== "number" || !lifetimeIsPlausible(payload, lifetime)) return null;
    return { userId: payload.sub, tokenVersion: payload.ver };
  } catch (error) {
    if (error instanceof joseErrors.JOSEError) return null;
    throw error;
  }
}
