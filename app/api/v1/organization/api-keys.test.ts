/** API keys: made once and shown once, scoped per area and access, rate-limited per key, revocable. */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { DELETE as revokeKey } from "@/app/api/v1/organization/api-keys/[id]/route";
import { GET as listKeys, POST as createKey } from "@/app/api/v1/organization/api-keys/route";
import { GET as listMembers } from "@/app/api/v1/organization/members/route";
import { PATCH as changeRole } from "@/app/api/v1/organization/members/[userId]/route";
import { POST as changePassword } from "@/app/api/v1/auth/password/route";
import { GET as listPayments, POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { GET as listPrograms, POST as createProgram } from "@/app/api/v1/partner/programs/route";
import { GET as listSponsorships } from "@/app/api/v1/partner/sponsorships/route";
import { GET as listPartnerships } from "@/app/api/partnerships/route";
import { getDb } from "@/lib/db";
import { call, tokenFor } from "@/tests/helpers/http";

const KEYS = "/api/v1/organization/api-keys";
let owner: string;
let finance: string;
let brand: string;

beforeAll(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
  [owner, finance, brand] = await Promise.all(["partner@demo.test", "finance@demo.test", "brand@demo.test"].map(tokenFor));
});

afterEach(() => {
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
});

async function makeKey(scopes: string[], token = owner, name = "Accounting sync") {
  const res = await call(createKey, KEYS, { token, body: { name, scopes } });
  expect(res.status).toBe(201);
  return res.body as { key: string; api_key: { id: string; prefix: string; scopes: string[] } };
}

describe("API keys", () => {
  it("are shown once, stored hashed, recognisable by their prefix, and listed without the key", async () => {
    const made = await makeKey(["sponsorships:read", "payments:read"]);
    expect(made.key).toMatch(/^hmb_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(`${made.api_key.prefix}_`)).toBe(true);
    expect(made.api_key).toMatchObject({
      name: "Accounting sync",
      scopes: ["payments:read", "sponsorships:read"],
      created_by: "Wanjiru Kamau",
      last_used_at: null,
      revoked_at: null,
    });
    const row = await getDb().apiKey.findUniqueOrThrow({ where: { id: made.api_key.id } });
    expect(JSON.stringify(row)).not.toContain(made.key.slice(13));
    const listed = await call(listKeys, KEYS, { token: owner });
    expect(listed.status).toBe(200);
    expect(listed.body.api_keys.find((k: { id: string }) => k.id === made.api_key.id)).toEqual(made.api_key);
    expect(JSON.stringify(listed.body)).not.toContain(made.key);
  });

  it("are made only by owners and admins, with scopes that fit the organisation", async () => {
    expect((await call(createKey, KEYS, { token: finance, body: { name: "Mine", scopes: ["payments:read"] } })).status).toBe(403);
    expect((await call(listKeys, KEYS, { token: finance })).status).toBe(403);
    const misfit = await call(createKey, KEYS, { token: owner, body: { name: "Wrong", scopes: ["partnerships:read"] } });
    expect(misfit.status).toBe(422);
    expect(misfit.body.detail[0]).toMatchObject({ loc: ["body", "scopes"], msg: "not for a partner organisation: partnerships:read" });
    expect((await call(createKey, KEYS, { token: owner, body: { name: "None", scopes: [] } })).status).toBe(422);
    expect((await call(createKey, KEYS, { token: owner, body: { name: "Odd", scopes: ["everything"] } })).status).toBe(422);
    // A brand's key works on the partnerships API.
    const brandKey = await makeKey(["partnerships:read"], brand, "CRM");
    expect((await call(listPartnerships, "/api/partnerships", { token: brandKey.key })).status).toBe(200);
    expect((await call(listSponsorships, "/api/v1/partner/sponsorships", { token: brandKey.key })).status).toBe(403);
  });

  it("allow exactly their scopes, never a person's routes, and record when they were used", async () => {
    const { key, api_key } = await makeKey(["sponsorships:read", "payments:read"]);
    expect((await call(listSponsorships, "/api/v1/partner/sponsorships", { token: key })).status).toBe(200);
    expect((await call(listPayments, "/api/v1/partner/payments", { token: key })).status).toBe(200);
    const write = await call(createPayment, "/api/v1/partner/payments", { token: key, body: { amount: 100, method: "bank_transfer" } });
    expect(write).toMatchObject({ status: 403, body: { detail: "This API key lacks the scope payments:write" } });
    const program = await call(createProgram, "/api/v1/partner/programs", { token: key, body: {} });
    expect(program).toMatchObject({ status: 403, body: { detail: "This API key lacks the scope sponsorships:write" } });
    for (const [handler, url, options] of [
      [listMembers, "/api/v1/organization/members", {}],
      [listKeys, KEYS, {}],
      [changePassword, "/api/v1/auth/password", { body: { current_password: "demo-password", new_password: "another-password-1" } }],
    ] as const) {
      const res = await call(handler, url, { token: key, ...options });
      expect(res, url).toMatchObject({ status: 403, body: { detail: "API keys cannot call this endpoint: it needs a person's sign-in" } });
    }
    const used = await getDb().apiKey.findUniqueOrThrow({ where: { id: api_key.id } });
    expect(used.lastUsedAt).not.toBeNull();

    const writer = await makeKey(["payments:write"]);
    expect(
      (await call(createPayment, "/api/v1/partner/payments", { token: writer.key, body: { amount: 100, method: "bank_transfer" } })).status,
    ).toBe(201);
    expect((await call(listPayments, "/api/v1/partner/payments", { token: writer.key })).status).toBe(403);
  });

  it("never do more than the member who made them may, and stop with their membership", async () => {
    const db = getDb();
    const adminEmail = "keys.admin@fixture.test";
    const elimu = (await db.user.findUniqueOrThrow({ where: { email: "partner@demo.test" } })).organizationId!;
    const { hashPassword } = await import("@/lib/auth/password");
    const admin = await db.user.create({
      data: {
        email: adminEmail,
        name: "Keys Admin",
        passwordHash: await hashPassword("demo-password"),
        role: "partner",
        organizationId: elimu,
        memberships: { create: { organizationId: elimu, role: "admin" } },
      },
    });
    const { key } = await makeKey(["sponsorships:read", "sponsorships:write"], await tokenFor(adminEmail));
    const body = {
      name: "Key program",
      description: "Made with an API key",
      target_students: 1,
      budget: 1000,
      currency: "KES",
      start_date: "2027-01-01",
      end_date: "2027-12-31",
    };
    const made = await call(createProgram, "/api/v1/partner/programs", { token: key, body });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // Their role drops to viewer: the key can no longer write.
    await call(changeRole, `/api/v1/organization/members/${admin.id}`, {
      token: owner,
      method: "PATCH",
      params: { userId: admin.id },
      body: { role: "viewer" },
    });
    const refused = await call(createProgram, "/api/v1/partner/programs", { token: key, body: { ...body, name: "Another" } });
    expect(refused).toMatchObject({ status: 403, body: { detail: "Your role (viewer) cannot do this organisation's day-to-day work" } });
    expect((await call(listPrograms, "/api/v1/partner/programs", { token: key })).status).toBe(200);
    await db.membership.deleteMany({ where: { userId: admin.id } });
    expect((await call(listPrograms, "/api/v1/partner/programs", { token: key })).status).toBe(401);
  });

  it("are revoked one at a time: the revoked key is refused, the others keep working", async () => {
    const first = await makeKey(["payments:read"], owner, "First");
    const second = await makeKey(["payments:read"], owner, "Second");
    const url = `${KEYS}/${first.api_key.id}`;
    expect((await call(revokeKey, url, { token: finance, method: "DELETE", params: { id: first.api_key.id } })).status).toBe(403);
    expect((await call(revokeKey, url, { token: brand, method: "DELETE", params: { id: first.api_key.id } })).status).toBe(404);
    const revoked = await call(revokeKey, url, { token: owner, method: "DELETE", params: { id: first.api_key.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.api_key.revoked_at).not.toBeNull();
    expect((await call(revokeKey, url, { token: owner, method: "DELETE", params: { id: first.api_key.id } })).status).toBe(409);
    expect((await call(listPayments, "/api/v1/partner/payments", { token: first.key })).status).toBe(401);
    expect((await call(listPayments, "/api/v1/partner/payments", { token: second.key })).status).toBe(200);
    // A key one character off is no key.
    const forged = second.key.slice(0, -1) + (second.key.endsWith("A") ? "B" : "A");
    expect((await call(listPayments, "/api/v1/partner/payments", { token: forged })).status).toBe(401);
  });

  it("are rate-limited per key: one key's requests do not use up another's", async () => {
    const first = await makeKey(["payments:read"], owner, "Busy");
    const second = await makeKey(["payments:read"], owner, "Quiet");
    process.env.RATE_LIMIT_PER_MINUTE = "3";
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call(listPayments, "/api/v1/partner/payments", { token: first.key })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await call(listPayments, "/api/v1/partner/payments", { token: second.key })).status).toBe(200);
  });
});
