/** The audit log: every change asked for through either API or a form, made or refused, read by owners and admins. */
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as readAuditLog } from "@/app/api/v1/organization/audit-log/route";
import { POST as createKey } from "@/app/api/v1/organization/api-keys/route";
import { GET as getOrganization, PUT as updateOrganization } from "@/app/api/v1/partner/organization/route";
import { GET as listPrograms, POST as createProgram } from "@/app/api/v1/partner/programs/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { runAction } from "@/lib/forms/run-action";
import { uuidString } from "@/lib/schemas/ids";
import { actorByEmail } from "@/tests/helpers/actors";
import { parseCsv } from "@/tests/helpers/csv";
import { freshCampaign, proposalBody } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";

const LOG = "/api/v1/organization/audit-log";
const CLIENT = { "x-client-address": "198.51.100.7", "user-agent": "AuditTest/1.0 (vitest)" };
const PROGRAM = {
  description: "Audit log test",
  target_students: 1,
  budget: 1000,
  currency: "KES",
  start_date: "2027-01-01",
  end_date: "2027-12-31",
};

let owner: string;
let viewer: string;
let member: string;
let otherPartner: string;
let brand: string;
let ids: Record<"owner" | "viewer" | "brand" | "creator" | "elimu", string>;

beforeAll(async () => {
  process.env.RATE_LIMIT_PER_MINUTE = "100000";
  [owner, viewer, member, otherPartner, brand] = await Promise.all(
    ["partner@demo.test", "board@demo.test", "programs@demo.test", "partner2@demo.test", "brand@demo.test"].map(tokenFor),
  );
  const users = await getDb().user.findMany({
    where: { email: { in: ["partner@demo.test", "board@demo.test", "brand@demo.test", "creator@demo.test"] } },
    select: { id: true, email: true, organizationId: true },
  });
  const byEmail = (email: string) => users.find((u) => u.email === email)!;
  ids = {
    owner: byEmail("partner@demo.test").id,
    viewer: byEmail("board@demo.test").id,
    brand: byEmail("brand@demo.test").id,
    creator: byEmail("creator@demo.test").id,
    elimu: byEmail("partner@demo.test").organizationId!,
  };
});

/** GET on the audit log route, through the documented-response check. */
async function read(query: Record<string, string>, token = owner) {
  const url = new URL(LOG, "http://localhost:8000");
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const res = await call(readAuditLog, url.pathname + url.search, { token });
  return { ...res, text: typeof res.body === "string" ? res.body : JSON.stringify(res.body) };
}

const latest = (where: { action?: string; userId?: string }) =>
  getDb().auditEvent.findFirstOrThrow({ where, orderBy: [{ occurredAt: "desc" }, { id: "desc" }] });

describe("the audit log records", () => {
  it("a write through the partner API: who, the route, the status, where from", async () => {
    const res = await call(updateOrganization, "/api/v1/partner/organization", {
      method: "PUT",
      token: owner,
      headers: CLIENT,
      body: { address: "P.O. Box 1-00100, Nairobi" },
    });
    expect(res.status).toBe(200);
    const row = await latest({ action: "PUT /api/v1/partner/organization" });
    expect(row).toMatchObject({
      organizationId: ids.elimu,
      userId: ids.owner,
      apiKeyId: null,
      channel: "api",
      target: {},
      succeeded: true,
      status: 200,
      error: null,
      ipAddress: "198.51.100.7",
      userAgent: "AuditTest/1.0 (vitest)",
    });
  });

  it("a write through the partnerships API, with the route's template and its parameters as the target", async () => {
    const created = await call(createProposal, "/api/partnerships/proposals", {
      token: brand,
      headers: CLIENT,
      body: proposalBody(ids.creator, 100, await freshCampaign(ids.brand)),
    });
    expect(created.status).toBe(201);
    expect(await latest({ action: "POST /api/partnerships/proposals", userId: ids.brand })).toMatchObject({
      channel: "api",
      target: {},
      succeeded: true,
      status: 201,
      ipAddress: "198.51.100.7",
    });
    const proposalId = created.body.id as string;
    const sent = await call(sendProposal, `/api/partnerships/proposals/${proposalId}/send`, {
      method: "POST",
      token: brand,
      headers: CLIENT,
      params: { proposalId },
    });
    expect(sent.status).toBe(200);
    expect(await latest({ userId: ids.brand })).toMatchObject({
      action: "POST /api/partnerships/proposals/{proposalId}/send",
      target: { proposalId },
      succeeded: true,
      status: 200,
    });
    // Sending it again is refused: the row says why, as the caller was told.
    const again = await call(sendProposal, `/api/partnerships/proposals/${proposalId}/send`, {
      method: "POST",
      token: brand,
      params: { proposalId },
    });
    expect(again.status).toBe(409);
    expect(await latest({ userId: ids.brand })).toMatchObject({
      action: "POST /api/partnerships/proposals/{proposalId}/send",
      succeeded: false,
      status: 409,
      error: again.body.error.message,
    });
  });

  it("a refused write, with the refusal's words, and no reads", async () => {
    const before = await getDb().auditEvent.count();
    const refused = await call(createProgram, "/api/v1/partner/programs", {
      token: viewer,
      headers: CLIENT,
      body: { name: "Not mine", ...PROGRAM },
    });
    expect(refused.status).toBe(403);
    expect(await latest({ userId: ids.viewer })).toMatchObject({
      action: "POST /api/v1/partner/programs",
      succeeded: false,
      status: 403,
      error: refused.body.detail,
      ipAddress: "198.51.100.7",
    });
    const invalid = await call(createProgram, "/api/v1/partner/programs", { token: owner, body: { name: "" } });
    expect(invalid.status).toBe(422);
    expect((await latest({ userId: ids.owner })).error).toMatch(/^body\.name: /);
    expect((await call(listPrograms, "/api/v1/partner/programs", { token: owner })).status).toBe(200);
    expect((await call(getOrganization, "/api/v1/partner/organization", { token: owner })).status).toBe(200);
    expect((await read({})).status).toBe(200);
    expect(await getDb().auditEvent.count()).toBe(before + 2);
  });

  it("a form's action: 200, the error's status, 422 for invalid input, with the ids it named", async () => {
    const actor = await actorByEmail("partner@demo.test");
    const programId = "7b0e9f8e-3a51-4c1b-9d33-2f4a0e6c1d11";
    const done = await runAction(z.object({ programId: uuidString, note: z.string() }), { programId, note: "x" }, async () => "ok", {
      actor,
      action: "program.test-done",
    });
    expect(done.status).toBe("success");
    expect(await latest({ action: "program.test-done" })).toMatchObject({
      channel: "app",
      userId: ids.owner,
      organizationId: ids.elimu,
      target: { programId },
      succeeded: true,
      status: 200,
      error: null,
    });
    await runAction(uuidString, programId, () => Promise.reject(notFound("Program")), { actor, action: "program.test-missing" });
    expect(await latest({ action: "program.test-missing" })).toMatchObject({
      target: { id: programId },
      succeeded: false,
      status: 404,
      error: "Program not found",
    });
    await runAction(z.object({ name: z.string().min(2) }), { name: "" }, async () => "never", {
      actor,
      action: "program.test-invalid",
      target: { programId },
    });
    expect(await latest({ action: "program.test-invalid" })).toMatchObject({ target: { programId }, succeeded: false, status: 422 });
  });
});

describe("reading the audit log", () => {
  it("filters by member, action, outcome and days, newest first, with the member's name and email", async () => {
    const mine = await read({ user_id: ids.viewer });
    expect(mine.status).toBe(200);
    expect(mine.body.audit_events.length).toBeGreaterThan(0);
    expect(mine.body.audit_events.every((e: { user_id: string }) => e.user_id === ids.viewer)).toBe(true);
    expect(mine.body.audit_events[0]).toMatchObject({ member: "Mercy Chebet", email: "board@demo.test", channel: "api" });

    const byAction = await read({ action: "partner/ORGANIZATION" });
    expect(byAction.body.audit_events.length).toBeGreaterThan(0);
    expect(byAction.body.audit_events.every((e: { action: string }) => e.action === "PUT /api/v1/partner/organization")).toBe(true);

    const refused = await read({ succeeded: "false" });
    expect(refused.body.audit_events.length).toBeGreaterThan(0);
    expect(refused.body.audit_events.every((e: { succeeded: boolean }) => !e.succeeded)).toBe(true);
    const made = await read({ succeeded: "true", channel: "app" });
    expect(made.body.audit_events.map((e: { action: string }) => e.action)).toContain("program.test-done");

    const all = await read({});
    const times = all.body.audit_events.map((e: { occurred_at: string }) => e.occurred_at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.body.pagination).toMatchObject({ page: 1, limit: 50, total: all.body.audit_events.length });

    const today = new Date().toISOString().slice(0, 10);
    expect((await read({ from: today, to: today })).body.pagination.total).toBe(all.body.pagination.total);
    expect((await read({ to: "2020-01-01" })).body.pagination.total).toBe(0);
    expect((await read({ from: "2099-01-01" })).body.pagination.total).toBe(0);
    expect((await read({ from: today, to: "2020-01-01" })).status).toBe(422);

    const paged = await read({ limit: "2", page: "2" });
    expect(paged.body.audit_events).toEqual(all.body.audit_events.slice(2, 4));
    expect((await read({ limit: "101" })).status).toBe(422);
  });

  it("exports the same rows as CSV", async () => {
    const csv = await read({ format: "csv", user_id: ids.viewer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...rows] = parseCsv(csv.text);
    expect(header).toEqual([
      "occurred_at",
      "member",
      "email",
      "channel",
      "action",
      "target",
      "succeeded",
      "status",
      "error",
      "ip_address",
      "user_agent",
    ]);
    const listed = await read({ user_id: ids.viewer });
    expect(rows).toHaveLength(listed.body.pagination.total);
    expect(rows[0]).toEqual([
      listed.body.audit_events[0].occurred_at,
      "Mercy Chebet",
      "board@demo.test",
      "api",
      "POST /api/v1/partner/programs",
      "{}",
      "false",
      "403",
      listed.body.audit_events[0].error,
      "198.51.100.7",
      "AuditTest/1.0 (vitest)",
    ]);
  });

  it("is for owners and admins of the organisation, and shows only its own rows", async () => {
    expect((await read({}, member)).status).toBe(403);
    expect((await read({}, viewer)).status).toBe(403);
    const other = await read({}, otherPartner);
    expect(other.status).toBe(200);
    expect(other.body.audit_events.some((e: { organization_id: string }) => e.organization_id === ids.elimu)).toBe(false);
    // Naming another organisation only narrows one's own rows.
    expect((await read({ organization_id: ids.elimu }, otherPartner)).body.pagination.total).toBe(0);
    const csv = await read({ format: "csv" }, otherPartner);
    expect(csv.text).not.toContain("board@demo.test");
  });

  it("cannot be read with an API key, and a key's writes record the key", async () => {
    const made = await call(createKey, "/api/v1/organization/api-keys", {
      token: owner,
      body: { name: "Audit check", scopes: ["sponsorships:read", "sponsorships:write"] },
    });
    expect(made.status).toBe(201);
    const { key, api_key } = made.body as { key: string; api_key: { id: string } };
    expect(await latest({ action: "POST /api/v1/organization/api-keys" })).toMatchObject({
      userId: ids.owner,
      succeeded: true,
      status: 201,
    });

    expect((await read({}, key)).status).toBe(403);
    expect((await read({ format: "csv" }, key)).status).toBe(403);

    const program = await call(createProgram, "/api/v1/partner/programs", {
      token: key,
      headers: CLIENT,
      body: { name: "Made with a key", ...PROGRAM },
    });
    expect(program.status, JSON.stringify(program.body)).toBe(201);
    expect(await latest({ action: "POST /api/v1/partner/programs", userId: ids.owner })).toMatchObject({
      apiKeyId: api_key.id,
      succeeded: true,
      status: 201,
      ipAddress: "198.51.100.7",
    });
  });
});
