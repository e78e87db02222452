import { SignJWT, base64url } from "jose";
import { describe, expect, it } from "vitest";
import { tokenResponseSchema } from "@/lib/auth/schemas";
import { issueAccessToken, TOKEN_AUDIENCE, TOKEN_ISSUER } from "@/lib/auth/tokens";
import { getDb } from "@/lib/db";
import { call, DEMO_PASSWORD, tokenFor } from "@/tests/helpers/http";
import { GET as me } from "../me/route";
import { POST } from "./route";

const secret = () => new TextEncoder().encode(process.env.AUTH_SECRET!);

async function partnerId() {
  const user = await getDb().user.findUniqueOrThrow({ where: { email: "partner@demo.test" } });
  return user.id;
}

describe("POST /api/v1/auth/token", () => {
  it("returns a bearer token and the user for valid credentials", async () => {
    const res = await call(POST, "/api/v1/auth/token", { body: { email: "partner@demo.test", password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    const body = tokenResponseSchema.parse(res.body);
    expect(body.token_type).toBe("bearer");
    expect(body.expires_in).toBe(3600);
    expect(body.user).toMatchObject({ email: "partner@demo.test", role: "partner" });
    expect(res.headers.get("cache-control")).toBe("no-store");

    const whoami = await call(me, "/api/v1/auth/me", { token: body.access_token });
    expect(whoami.status).toBe(200);
    expect(whoami.body).toEqual({ id: body.user.id, email: "partner@demo.test", name: body.user.name, role: "partner" });
  });

  it("gives every demo role a token", async () => {
    for (const [email, role] of [
      ["partner2@demo.test", "partner"],
      ["brand@demo.test", "brand"],
      ["brand2@demo.test", "brand"],
      ["creator@demo.test", "creator"],
      ["creator2@demo.test", "creator"],
      ["admin@demo.test", "admin"],
    ]) {
      const res = await call(POST, "/api/v1/auth/token", { body: { email, password: DEMO_PASSWORD } });
      expect(res.status, email).toBe(200);
      expect(res.body.user.role).toBe(role);
    }
  });

  it("treats the email case-insensitively", async () => {
    const res = await call(POST, "/api/v1/auth/token", { body: { email: "  Partner@Demo.TEST ", password: DEMO_PASSWORD } });
    expect(res.status).toBe(200);
  });

  it("answers a wrong password and an unknown email with the same 401", async () => {
    const wrongPassword = await call(POST, "/api/v1/auth/token", { body: { email: "partner@demo.test", password: "nope" } });
    const unknownEmail = await call(POST, "/api/v1/auth/token", { body: { email: "nobody@demo.test", password: DEMO_PASSWORD } });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual({ detail: "Incorrect email or password" });
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it.each([
    ["an empty body", undefined, ["body"]],
    ["malformed JSON", "{not json", ["body"]],
    ["a missing password", JSON.stringify({ email: "partner@demo.test" }), ["body", "password"]],
    ["a missing email", JSON.stringify({ password: "x" }), ["body", "email"]],
    ["a non-string email", JSON.stringify({ email: 42, password: "x" }), ["body", "email"]],
  ])("rejects %s with 422 naming the field", async (_label, rawBody, loc) => {
    const res = await call(POST, "/api/v1/auth/token", { method: "POST", rawBody: rawBody ?? "" });
    expect(res.status).toBe(422);
    expect(Array.isArray(res.body.detail)).toBe(true);
    expect(res.body.detail.map((d: { loc: string[] }) => d.loc)).toContainEqual(loc);
  });
});

describe("bearer tokens on a protected route", () => {
  it("accepts a valid token", async () => {
    const res = await call(me, "/api/v1/auth/me", { token: await tokenFor("creator@demo.test") });
    expect(res.status).toBe(200);
    expect(res.body.role).toBe("creator");
  });

  it("rejects a missing token", async () => {
    const res = await call(me, "/api/v1/auth/me");
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ detail: "Not authenticated" });
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("rejects a malformed Authorization header", async () => {
    const res = await call(me, "/api/v1/auth/me", { headers: { authorization: "Basic abc" } });
    expect(res.status).toBe(401);
  });

  it("rejects an expired token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: "partner" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(await partnerId())
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now - 7200)
      .setExpirationTime(now - 3600)
      .sign(secret());
    expect((await call(me, "/api/v1/auth/me", { token })).status).toBe(401);
  });

  it("rejects a tampered token", async () => {
    const token = await issueAccessToken({ id: await partnerId(), role: "partner", tokenVersion: 0 });
    const [header, payload, signature] = token.split(".");
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    const forged = base64url.encode(JSON.stringify({ ...claims, role: "admin" }));
    expect((await call(me, "/api/v1/auth/me", { token: `${header}.${forged}.${signature}` })).status).toBe(401);
    const flipped = signature.slice(0, -2) + (signature.endsWith("AA") ? "BB" : "AA");
    expect((await call(me, "/api/v1/auth/me", { token: `${header}.${payload}.${flipped}` })).status).toBe(401);
  });

  it("rejects an unsigned token (alg: none)", async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url.encode(JSON.stringify({ alg: "none", typ: "JWT" }));
    const payload = base64url.encode(
      JSON.stringify({ sub: await partnerId(), role: "partner", iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: now, exp: now + 600 }),
    );
    expect((await call(me, "/api/v1/auth/me", { token: `${header}.${payload}.` })).status).toBe(401);
  });

  it("rejects a token for another audience or issuer", async () => {
    const now = Math.floor(Date.now() / 1000);
    const sign = (issuer: string, audience: string) =>
      new SignJWT({ role: "partner" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 600);
    const id = await partnerId();
    const wrongAudience = await sign(TOKEN_ISSUER, "someone-else").setSubject(id).sign(secret());
    const wrongIssuer = await sign("someone-else", TOKEN_AUDIENCE).setSubject(id).sign(secret());
    expect((await call(me, "/api/v1/auth/me", { token: wrongAudience })).status).toBe(401);
    expect((await call(me, "/api/v1/auth/me", { token: wrongIssuer })).status).toBe(401);
  });

  it("rejects a token signed with another key", async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ role: "partner" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(await partnerId())
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(new TextEncoder().encode("a-different-secret-of-sufficient-length!!"));
    expect((await call(me, "/api/v1/auth/me", { token })).status).toBe(401);
  });

  it("rejects the token of a deactivated user", async () => {
    const token = await tokenFor("creator2@demo.test");
    await getDb().user.update({ where: { email: "creator2@demo.test" }, data: { active: false } });
    try {
      expect((await call(me, "/api/v1/auth/me", { token })).status).toBe(401);
    } finally {
      await getDb().user.update({ where: { email: "creator2@demo.test" }, data: { active: true } });
    }
  });
});

describe("guessing passwords", () => {
  it("refuses an address with 429 after ten failures in a minute, even with the right password, and leaves others alone", async () => {
    const email = "brand2@demo.test";
    // Counting is per calendar minute: start well inside one.
    while (new Date().getSeconds() > 45) await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let i = 0; i < 10; i++) {
      expect((await call(POST, "/api/v1/auth/token", { body: { email, password: `guess-${i}` } })).status).toBe(401);
    }
    const blocked = await call(POST, "/api/v1/auth/token", { body: { email, password: DEMO_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(POST, "/api/v1/auth/token", { body: { email: "creator@demo.test", password: DEMO_PASSWORD } })).status).toBe(200);
  });
});
