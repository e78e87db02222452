/**
 * OWASP API2 (broken authentication). Probes that once got through: parallel password
 * guesses all checked before any was counted; an attacker elsewhere locking the owner
 * out; tokens surviving a password change; sessions surviving sign-out; tokens issued
 * in the future or for years.
 */
import { SignJWT } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/v1/auth/me/route";
import { POST as changePassword } from "@/app/api/v1/auth/password/route";
import { POST as signOutEverywhere } from "@/app/api/v1/auth/sign-out-everywhere/route";
import { POST as issueToken } from "@/app/api/v1/auth/token/route";
import { POST as deactivate } from "@/app/api/v1/admin/users/[id]/deactivate/route";
import { authOptions } from "@/lib/auth/next-auth";
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { browserHeaders, call, DEMO_PASSWORD, sessionCookieFor, tokenFor } from "@/tests/helpers/http";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

afterEach(() => {
  delete process.env.SIGNIN_FAILURES_PER_MINUTE;
});

const signIn = (email: string, password: string, address: string) =>
  call(issueToken, "/api/v1/auth/token", { body: { email, password }, headers: { "x-client-address": address } });

describe("API2: password guessing", () => {
  it("checks no more than the limit of 50 parallel wrong passwords, and the owner still signs in from another address", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => signIn("brand@demo.test", "wrong-password", "198.51.100.7")));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40);
    const refused = results.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    // Even the right password waits at the attacker's address...
    expect((await signIn("brand@demo.test", DEMO_PASSWORD, "198.51.100.7")).status).toBe(429);
    // ...but not at the owner's.
    expect((await signIn("brand@demo.test", DEMO_PASSWORD, "203.0.113.50")).status).toBe(200);
  });

  it("past the per-email ceiling (guesses from many addresses) lets known addresses in and keeps new ones waiting", async () => {
    process.env.SIGNIN_FAILURES_PER_MINUTE = "2";
    // The owner has signed in from 203.0.113.60 before.
    expect((await signIn("creator@demo.test", DEMO_PASSWORD, "203.0.113.60")).status).toBe(200);
    // 2 × 10 = 20 failures an hour for one email, spread over addresses 2 at a time.
    for (let i = 0; i < 12; i++) {
      await Promise.all([signIn("creator@demo.test", "wrong", `192.0.2.${i}`), signIn("creator@demo.test", "wrong", `192.0.2.${i}`)]);
    }
    expect((await signIn("creator@demo.test", DEMO_PASSWORD, "192.0.2.200")).status).toBe(429);
    expect((await signIn("creator@demo.test", DEMO_PASSWORD, "203.0.113.60")).status).toBe(200);
  });
});

describe("API2: revocation", () => {
  it("refuses a token issued before a password change, and accepts the new password only", async () => {
    const before = await tokenFor("partner2@demo.test");
    expect((await call(me, "/api/v1/auth/me", { token: before })).status).toBe(200);
    const changed = await call(changePassword, "/api/v1/auth/password", {
      token: before,
      body: { current_password: DEMO_PASSWORD, new_password: "a-new-long-password" },
    });
    expect(changed.status).toBe(200);
    expect((await call(me, "/api/v1/auth/me", { token: before })).status).toBe(401);
    expect((await signIn("partner2@demo.test", DEMO_PASSWORD, "203.0.113.70")).status).toBe(401);
    const after = await signIn("partner2@demo.test", "a-new-long-password", "203.0.113.70");
    expect(after.status).toBe(200);
    expect((await call(me, "/api/v1/auth/me", { token: after.body.access_token })).status).toBe(200);
  });

  it("refuses a wrong current password with 422 and changes nothing", async () => {
    const token = await tokenFor("brand2@demo.test");
    const res = await call(changePassword, "/api/v1/auth/password", {
      token,
      body: { current_password: "not-it", new_password: "a-new-long-password" },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail[0]).toMatchObject({ loc: ["body", "current_password"] });
    expect((await call(me, "/api/v1/auth/me", { token })).status).toBe(200);
  });

  it("ends every token and session on sign out everywhere", async () => {
    const token = await tokenFor("creator2@demo.test");
    const { cookie } = await sessionCookieFor("creator2@demo.test");
    expect((await call(me, "/api/v1/auth/me", { headers: browserHeaders(cookie) })).status).toBe(200);
    const res = await call(signOutEverywhere, "/api/v1/auth/sign-out-everywhere", { token, method: "POST" });
    expect(res.status).toBe(200);
    expect(res.body.sessions_ended).toBeGreaterThanOrEqual(1);
    expect((await call(me, "/api/v1/auth/me", { token })).status).toBe(401);
    expect((await call(me, "/api/v1/auth/me", { headers: browserHeaders(cookie) })).status).toBe(401);
  });

  it("ends a browser session on the server when it signs out, so the copied cookie stops working", async () => {
    const { cookie, sessionId, userId } = await sessionCookieFor("brand@demo.test");
    expect((await call(me, "/api/v1/auth/me", { headers: browserHeaders(cookie) })).status).toBe(200);
    // What next-auth calls when the browser signs out.
    await authOptions().events!.signOut!({ token: { sub: userId, sid: sessionId }, session: undefined as never });
    expect((await call(me, "/api/v1/auth/me", { headers: browserHeaders(cookie) })).status).toBe(401);
  });

  it("revokes a deactivated account's tokens at once; only admins deactivate", async () => {
    const [admin, victim, other] = await Promise.all([
      tokenFor("admin@demo.test"),
      tokenFor("partner@demo.test"),
      tokenFor("brand@demo.test"),
    ]);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
    expect((await call(deactivate, "/x", { token: other, params: { id: user.id }, method: "POST" })).status).toBe(403);
    const res = await call(deactivate, "/x", { token: admin, params: { id: user.id }, method: "POST" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: user.id, email: "partner@demo.test", active: false });
    expect((await call(me, "/api/v1/auth/me", { token: victim })).status).toBe(401);
    await getDb().user.update({ where: { id: user.id }, data: { active: true } });
    expect((await call(me, "/api/v1/auth/me", { token: victim })).status).toBe(401);
  });
});

describe("API2: token lifetimes", () => {
  const secret = () => new TextEncoder().encode(process.env.AUTH_SECRET!);
  async function forge(claims: { iat: number; exp: number }) {
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "brand2@demo.test" } });
    return new SignJWT({ role: user.role, ver: user.tokenVersion })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(user.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(claims.iat)
      .setExpirationTime(claims.exp)
      .sign(secret());
  }
  const now = () => Math.floor(Date.now() / 1000);

  it("refuses a correctly signed token issued in the future", async () => {
    expect((await call(me, "/x", { token: await forge({ iat: now() + 3600, exp: now() + 7200 }) })).status).toBe(401);
  });

  it("refuses a session cookie whose token lives longer than a session, and signs sessions for no longer", async () => {
    const { encode } = await import("next-auth/jwt");
    const { SESSION_MAX_AGE_SECONDS, startSession } = await import("@/lib/auth/sessions");
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "brand2@demo.test" } });
    const session = await startSession({ userId: user.id, clientAddress: "203.0.113.1", userAgent: null });
    const claims = { sub: user.id, role: user.role, ver: user.tokenVersion, sid: session.id };
    const month = await encode({ token: claims, secret: process.env.AUTH_SECRET!, maxAge: 30 * 24 * 3600 });
    expect((await call(me, "/x", { headers: browserHeaders(`next-auth.session-token=${month}`) })).status).toBe(401);
    const day = await encode({ token: claims, secret: process.env.AUTH_SECRET!, maxAge: SESSION_MAX_AGE_SECONDS });
    expect((await call(me, "/x", { headers: browserHeaders(`next-auth.session-token=${day}`) })).status).toBe(200);
    expect(authOptions().jwt?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
  });

  it("refuses a correctly signed token valid for longer than the configured lifetime", async () => {
    expect((await call(me, "/x", { token: await forge({ iat: now() - 10, exp: now() + 10 * 24 * 3600 }) })).status).toBe(401);
    expect((await call(me, "/x", { token: await forge({ iat: now() - 10, exp: now() + 3000 }) })).status).toBe(200);
  });
});
