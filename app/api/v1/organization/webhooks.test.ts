/**
 * Webhooks end to end through the route handlers: registration refuses inward addresses;
 * an event (a brand's proposal reaching the creator's organisation) is delivered signed to
 * a receiver written here, which checks the signature itself; a receiver answering 500 or
 * not answering in time is retried on schedule; the log shows every attempt and a delivery
 * can be resent; GET /api/v1/events lists the same event, within an API key's scopes; and
 * every member of the organisation is notified.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEvents } from "@/app/api/v1/events/route";
import { POST as createApiKey } from "@/app/api/v1/organization/api-keys/route";
import { POST as resend } from "@/app/api/v1/organization/webhooks/[id]/deliveries/[deliveryId]/resend/route";
import { GET as listDeliveries } from "@/app/api/v1/organization/webhooks/[id]/deliveries/route";
import { DELETE as deleteWebhook } from "@/app/api/v1/organization/webhooks/[id]/route";
import { GET as listWebhooks, POST as createWebhook } from "@/app/api/v1/organization/webhooks/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { POST as sendProposal } from "@/app/api/partnerships/proposals/[proposalId]/send/route";
import { getDb } from "@/lib/db";
import { isPublicAddress } from "@/lib/webhooks/endpoint-address";
import { sweepWebhookDeliveries } from "@/lib/webhooks/deliver-webhook";
import { RETRY_DELAYS_SECONDS } from "@/lib/webhooks/retry-schedule";
import { freshCampaign, proposalBody } from "@/tests/helpers/escrow";
import { call, tokenFor } from "@/tests/helpers/http";
import { demoParties, type Parties } from "@/tests/helpers/termination";

process.env.RATE_LIMIT_PER_MINUTE = "100000";
process.env.WEBHOOK_TIMEOUT_MS = "300";

/** What the receiver does with each request, in turn; then it answers 200. */
type Answer = "ok" | "error" | "hang";
const answers: Answer[] = [];
const received: Array<{ body: string; signature: string | null; eventId: string | null; verified: boolean }> = [];
let server: Server;
let receiverUrl: string;
let secret = "";

/** The receiver's own check, as a third party would write it from the API description. */
function verify(header: string | null, body: string, key: string): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=") as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > 300) return false;
  const expected = createHmac("sha256", key).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let parties: Parties;
let creatorOwner: string;
let webhookId: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const signature = req.headers["harambee-signature"] as string | undefined;
      received.push({
        body,
        signature: signature ?? null,
        eventId: (req.headers["harambee-event-id"] as string | undefined) ?? null,
        verified: verify(signature ?? null, body, secret),
      });
      const answer = answers.shift() ?? "ok";
      if (answer === "hang") return; // never answers: the sender times out
      res.writeHead(answer === "ok" ? 200 : 500).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  parties = await demoParties();
  creatorOwner = parties.creator;
});

afterAll(async () => {
  delete process.env.WEBHOOK_ALLOWED_HOSTS;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function sentProposal(): Promise<string> {
  const created = await call(createProposal, "/x", {
    token: parties.brand,
    body: proposalBody(parties.creatorId, 100, await freshCampaign(parties.brandId)),
  });
  expect(created.status).toBe(201);
  expect((await call(sendProposal, "/x", { token: parties.brand, params: { proposalId: created.body.id } })).status).toBe(200);
  return created.body.id;
}

describe("webhook registration", () => {
  it.each([
    "http://example.com/hooks",
    "https://127.0.0.1/hooks",
    "https://localhost/hooks",
    "https://10.1.2.3/hooks",
    "https://172.20.0.1/hooks",
    "https://192.168.1.10/hooks",
    "https://169.254.169.254/latest/meta-data",
    "https://[::1]/hooks",
    "https://[fe80::1]/hooks",
    "https://[fd00::1]/hooks",
    "https://100.64.0.1/hooks",
    "https://user:pass@example.com/hooks",
  ])("refuses %s", async (url) => {
    const res = await call(createWebhook, "/api/v1/organization/webhooks", {
      token: creatorOwner,
      body: { url, event_types: ["proposal.received"] },
    });
    expect(res.status).toBe(422);
    expect(res.body.detail[0].loc).toEqual(["body", "url"]);
  });

  it("tells public addresses from inward ones", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:2800:220:1::1")).toBe(true);
    for (const inward of ["127.0.0.1", "10.0.0.1", "192.168.0.1", "169.254.1.1", "::1", "fe80::1", "::ffff:127.0.0.1", "0.0.0.0"]) {
      expect(isPublicAddress(inward), inward).toBe(false);
    }
  });

  it("is for owners and admins: a member gets 403", async () => {
    const member = await tokenFor("marketing@demo.test");
    const res = await call(createWebhook, "/api/v1/organization/webhooks", {
      token: member,
      body: { url: "https://example.com/h", event_types: ["proposal.received"] },
    });
    expect(res.status).toBe(403);
  });

  it("registers an allow-listed test receiver and shows its secret once", async () => {
    process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
    const res = await call(createWebhook, "/api/v1/organization/webhooks", {
      token: creatorOwner,
      body: { url: receiverUrl, event_types: ["proposal.received", "proposal.countered"], description: "Test receiver" },
    });
    expect(res.status).toBe(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    secret = res.body.secret;
    webhookId = res.body.webhook.id;
    const listed = await call(listWebhooks, "/api/v1/organization/webhooks", { token: creatorOwner });
    expect(listed.body.webhooks.map((w: { id: string }) => w.id)).toContain(webhookId);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
  });
});

describe("deliveries", () => {
  it("delivers a proposal to the creator's receiver, signed, and notifies every member", async () => {
    received.length = 0;
    const proposalId = await sentProposal();
    const counts = await sweepWebhookDeliveries();
    expect(counts.delivered).toBe(1);
    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    expect(delivery.verified).toBe(true);
    const payload = JSON.parse(delivery.body);
    expect(payload).toMatchObject({
      type: "proposal.received",
      subject: { type: "proposal", id: proposalId },
      link: `/workspace/proposals/${proposalId}`,
    });
    expect(payload.id).toBe(delivery.eventId);
    // A tampered body, or the right body with another secret, does not verify.
    expect(verify(delivery.signature, delivery.body.replace("100", "900"), secret)).toBe(false);
    expect(verify(delivery.signature, delivery.body, "whsec_other")).toBe(false);

    const notified = await getDb().notification.findMany({
      where: { eventId: payload.id },
      include: { user: { select: { email: true } } },
    });
    expect(notified.map((n) => n.user.email).sort()).toEqual(["creator@demo.test", "manager@demo.test"]);
    // The brand that sent it is not told of its own proposal.
    expect(await getDb().event.count({ where: { id: payload.id, organization: { users: { some: { email: "brand@demo.test" } } } } })).toBe(
      0,
    );
  });

  it("retries after a 500 and a timeout, on schedule, then delivers; the log shows each attempt; a resend sends again", async () => {
    received.length = 0;
    answers.push("error", "hang");
    await sentProposal();
    const start = new Date();
    expect((await sweepWebhookDeliveries({ now: start })).retrying).toBe(1);
    // Not due again before its delay.
    expect((await sweepWebhookDeliveries({ now: new Date(start.getTime() + 30_000) })).retrying).toBe(0);
    const second = new Date(start.getTime() + (RETRY_DELAYS_SECONDS[0] + 1) * 1000);
    expect((await sweepWebhookDeliveries({ now: second })).retrying).toBe(1);
    const third = new Date(second.getTime() + (RETRY_DELAYS_SECONDS[1] + 1) * 1000);
    expect((await sweepWebhookDeliveries({ now: third })).delivered).toBe(1);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((r) => r.eventId)).size).toBe(1);

    const log = await call(listDeliveries, "/x", { token: creatorOwner, params: { id: webhookId } });
    expect(log.status).toBe(200);
    const latest = log.body.deliveries[0];
    expect(latest).toMatchObject({ status: "succeeded", attempts: 3, last_status_code: 200 });
    expect(latest.attempt_log.map((a: { status: number | null }) => a.status)).toEqual([500, null, 200]);
    expect(latest.attempt_log[1].error).toMatch(/timed out/);

    const resent = await call(resend, "/x", { token: creatorOwner, params: { id: webhookId, deliveryId: latest.id } });
    expect(resent.status).toBe(200);
    expect(resent.body.delivery.status).toBe("pending");
    expect((await sweepWebhookDeliveries()).delivered).toBe(1);
    expect(received).toHaveLength(4);
    // Another organisation cannot see or resend it.
    const other = await tokenFor("creator2@demo.test");
    expect((await call(listDeliveries, "/x", { token: other, params: { id: webhookId } })).status).toBe(404);
    expect((await call(resend, "/x", { token: other, params: { id: webhookId, deliveryId: latest.id } })).status).toBe(404);
  });

  it("retries for about a day, then marks the delivery failed", async () => {
    const total = RETRY_DELAYS_SECONDS.reduce((sum, s) => sum + s, 0);
    expect(total).toBeGreaterThan(20 * 3600);
    expect(total).toBeLessThanOrEqual(26 * 3600);
    answers.push(...Array<Answer>(RETRY_DELAYS_SECONDS.length + 1).fill("error"));
    await sentProposal();
    let now = new Date();
    for (let attempt = 0; attempt <= RETRY_DELAYS_SECONDS.length; attempt += 1) {
      await sweepWebhookDeliveries({ now });
      now = new Date(now.getTime() + ((RETRY_DELAYS_SECONDS[attempt] ?? 0) + 1) * 1000);
    }
    const log = await call(listDeliveries, "/x", { token: creatorOwner, params: { id: webhookId } });
    expect(log.body.deliveries[0]).toMatchObject({ status: "failed", attempts: RETRY_DELAYS_SECONDS.length + 1, next_attempt_at: null });
    answers.length = 0;
  });

  it("refuses at connection time a host that is no longer allowed", async () => {
    delete process.env.WEBHOOK_ALLOWED_HOSTS;
    received.length = 0;
    await sentProposal();
    expect((await sweepWebhookDeliveries()).retrying).toBe(1);
    expect(received).toHaveLength(0);
    const log = await call(listDeliveries, "/x", { token: creatorOwner, params: { id: webhookId } });
    expect(log.body.deliveries[0].last_error).toMatch(/refused/);
    process.env.WEBHOOK_ALLOWED_HOSTS = "127.0.0.1";
  });

  it("sends nothing to a deleted endpoint", async () => {
    const deleted = await call(deleteWebhook, "/x", { token: creatorOwner, params: { id: webhookId }, method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(deleted.body.webhook.disabled_at).not.toBeNull();
    const before = await getDb().webhookDelivery.count({ where: { endpointId: webhookId } });
    await sentProposal();
    expect(await getDb().webhookDelivery.count({ where: { endpointId: webhookId } })).toBe(before);
  });
});

describe("GET /api/v1/events", () => {
  it("lists the organisation's events after a cursor, for members and for keys within their scopes", async () => {
    const all = await call(listEvents, "/api/v1/events?limit=100", { token: creatorOwner });
    expect(all.status).toBe(200);
    const events = all.body.events as Array<{ id: string; type: string }>;
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(["proposal.received"]));
    const after = await call(listEvents, `/api/v1/events?after=${events[0]!.id}&limit=100`, { token: creatorOwner });
    expect(after.body.events.map((e: { id: string }) => e.id)).toEqual(events.slice(1).map((e) => e.id));
    expect((await call(listEvents, "/api/v1/events?after=00000000-0000-4000-8000-000000000000", { token: creatorOwner })).status).toBe(422);
    // The brand's organisation does not see the creator's events.
    const brandEvents = await call(listEvents, "/api/v1/events?limit=100", { token: parties.brand });
    expect(brandEvents.body.events.map((e: { id: string }) => e.id)).not.toContain(events[0]!.id);

    const key = async (scopes: string[]) =>
      (
        await call(createApiKey, "/api/v1/organization/api-keys", {
          token: creatorOwner,
          body: { name: `Events ${scopes.join(" ")}`, scopes },
        })
      ).body.key as string;
    const partnershipsKey = await key(["partnerships:read"]);
    expect((await call(listEvents, "/api/v1/events?limit=100", { token: partnershipsKey })).body.events).toHaveLength(events.length);
    const paymentsKey = await key(["payments:read"]);
    expect((await call(listEvents, "/api/v1/events?limit=100", { token: paymentsKey })).body.events).toHaveLength(0);
    const writeOnly = await key(["partnerships:write"]);
    expect((await call(listEvents, "/api/v1/events", { token: writeOnly })).status).toBe(403);
  });
});
