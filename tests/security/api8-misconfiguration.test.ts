/**
 * OWASP API8 (security misconfiguration). Probes that once got through: a text/plain
 * form or no-cors fetch from a sibling origin writing with the victim's session; no
 * security headers (so /admin could be framed); a client-chosen X-Forwarded-For
 * recorded as a signer's address; the Host header trusted for the app's own URLs; a
 * malformed path escape answered with a bare framework 500.
 *
 * The front server's part (lib/http/edge.ts) runs here on a real HTTP server in front
 * of a handler that echoes what reached it.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as signContract } from "@/app/api/partnerships/[partnershipId]/contract/sign/route";
import { GET as getContract } from "@/app/api/partnerships/[partnershipId]/contract/route";
import { POST as createProposal } from "@/app/api/partnerships/proposals/route";
import { POST as createPayment } from "@/app/api/v1/partner/payments/route";
import { getDb } from "@/lib/db";
import { applyEdge } from "@/lib/http/edge";
import { proposalBody, signedPartnership } from "@/tests/helpers/escrow";
import { browserHeaders, call, sessionCookieFor, tokenFor } from "@/tests/helpers/http";

process.env.RATE_LIMIT_PER_MINUTE = "100000";

let brand: string;
let creator: string;
let creatorId: string;
let brandId: string;
let brandCookie: string;
let partnerCookie: string;

beforeAll(async () => {
  [brand, creator] = await Promise.all([tokenFor("brand@demo.test"), tokenFor("creator@demo.test")]);
  creatorId = (await getDb().user.findUniqueOrThrow({ where: { email: "creator@demo.test" } })).id;
  brandId = (await getDb().user.findUniqueOrThrow({ where: { email: "brand@demo.test" } })).id;
  brandCookie = (await sessionCookieFor("brand@demo.test")).cookie;
  partnerCookie = (await sessionCookieFor("partner@demo.test")).cookie;
});

describe("API8: cross-site writes with the session cookie", () => {
  const json = JSON.stringify(proposalBody("00000000-0000-4000-8000-000000000000"));
  const proposals = () => getDb().proposal.count();

  it("refuses a text/plain form post and a no-cors fetch from a sibling origin, and creates nothing", async () => {
    const before = await proposals();
    const body = JSON.stringify(proposalBody(creatorId));
    const form = await call(createProposal, "/api/partnerships/proposals", {
      rawBody: body,
      headers: { cookie: brandCookie, origin: "http://localhost:9000", "sec-fetch-site": "same-site", "content-type": "text/plain" },
    });
    expect(form.status).toBe(403);
    expect(form.body.error.code).toBe("cross_origin_request");
    const sibling = await call(createProposal, "/api/partnerships/proposals", {
      rawBody: body,
      headers: { cookie: brandCookie, origin: "http://app.localhost:8000", "content-type": "application/json" },
    });
    expect(sibling.status).toBe(403);
    const noOrigin = await call(createProposal, "/api/partnerships/proposals", {
      rawBody: body,
      headers: { cookie: brandCookie, "sec-fetch-site": "cross-site" },
    });
    expect(noOrigin.status).toBe(403);
    const payment = await call(createPayment, "/api/v1/partner/payments", {
      rawBody: JSON.stringify({ amount: 100, method: "bank_transfer", bank_reference: "X" }),
      headers: { cookie: partnerCookie, origin: "http://localhost:9000", "content-type": "text/plain" },
    });
    expect(payment.status).toBe(403);
    expect(payment.body).toEqual({ detail: "Cross-origin requests with the session cookie are refused; call the API with a bearer token" });
    expect(await proposals()).toBe(before);
  });

  it("refuses a same-origin session write that is not JSON with 415", async () => {
    const res = await call(createProposal, "/api/partnerships/proposals", {
      rawBody: json,
      headers: browserHeaders(brandCookie, { "content-type": "text/plain" }),
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("unsupported_media_type");
  });

  it("accepts the app's own pages, and bearer calls from anywhere", async () => {
    const own = await call(createProposal, "/api/partnerships/proposals", {
      body: proposalBody(creatorId),
      headers: browserHeaders(brandCookie),
    });
    expect(own.status).toBe(201);
    const bearer = await call(createProposal, "/api/partnerships/proposals", {
      token: brand,
      body: proposalBody(creatorId),
      headers: { origin: "https://integrator.example" },
    });
    expect(bearer.status).toBe(201);
    const bearerText = await call(createProposal, "/api/partnerships/proposals", {
      token: brand,
      rawBody: json,
      headers: { "content-type": "text/plain" },
    });
    expect(bearerText.status).toBe(415);
  });
});

describe("API8: signature evidence", () => {
  it("records the address the front server resolved, never the client's X-Forwarded-For", async () => {
    const { partnershipId } = await signedPartnership({ brand, creator, creatorId, brandId });
    const contract = await call(getContract, "/x", { token: brand, params: { partnershipId } });
    // signedPartnership signs without an address header: nothing the client said is taken instead.
    expect(contract.body.signatories.map((s: { ipAddress: string }) => s.ipAddress)).toEqual(["unknown", "unknown"]);
    const db = getDb();
    await db.contract.update({ where: { partnershipId }, data: { status: "sent" } });
    await db.contractSignature.deleteMany({ where: { contract: { partnershipId } } });
    const signed = await call(signContract, "/x", {
      token: creator,
      params: { partnershipId },
      body: { fullName: "Amani Otieno", consent: true },
      headers: { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", "x-client-address": "203.0.113.9" },
    });
    expect(signed.body.signatories.map((s: { ipAddress: string }) => s.ipAddress)).toEqual(["203.0.113.9"]);
  });
});

describe("API8: the front server", () => {
  let server: http.Server;
  let port: number;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (!applyEdge(req, res, { port: 8000, development: false })) return;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ url: req.url, headers: req.headers }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    for (const key of ["TRUST_PROXY_HOPS", "APP_URL", "STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY"]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  function request(path: string, options: { method?: string; headers?: Record<string, string>; body?: string; chunked?: boolean } = {}) {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      });
      req.on("error", reject);
      if (options.chunked) req.setHeader("transfer-encoding", "chunked");
      if (options.body) req.write(options.body);
      req.end();
    });
  }

  it("puts the security headers on every response, with a fresh nonce and no framing", async () => {
    const [admin, api] = await Promise.all([request("/admin"), request("/api/v1/partner/sponsorships")]);
    for (const res of [admin, api]) {
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(res.headers["permissions-policy"]).toContain("camera=()");
      expect(res.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
      expect(csp).not.toContain("stripe.com");
      expect(csp).not.toContain("unsafe-eval");
    }
    const nonce = (res: { headers: http.IncomingHttpHeaders }) =>
      /'nonce-([^']+)'/.exec(String(res.headers["content-security-policy"]))![1];
    expect(nonce(admin)).not.toBe(nonce(api));
    // Next.js reads the nonce from the request's policy to put it on its scripts.
    expect(JSON.parse(admin.body).headers["content-security-policy"]).toBe(admin.headers["content-security-policy"]);
  });

  it("allows Stripe's origins only when Stripe is configured", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_x";
    process.env.STRIPE_PUBLISHABLE_KEY = "pk_test_x";
    const csp = String((await request("/dashboard/payments/new")).headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("https://js.stripe.com");
    expect(csp).toContain("frame-src https://js.stripe.com https://hooks.stripe.com");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("takes the client address from the socket, ignoring what the client claims", async () => {
    const res = await request("/x", { headers: { "x-forwarded-for": "1.2.3.4", "x-real-ip": "5.6.7.8", "x-client-address": "9.9.9.9" } });
    const seen = JSON.parse(res.body).headers;
    expect(seen["x-client-address"]).toBe("127.0.0.1");
    expect(seen["x-forwarded-for"]).toBeUndefined();
    expect(seen["x-real-ip"]).toBeUndefined();
  });

  it("behind TRUST_PROXY_HOPS proxies takes the address the outermost one appended", async () => {
    process.env.TRUST_PROXY_HOPS = "1";
    const res = await request("/x", { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.20" } });
    expect(JSON.parse(res.body).headers["x-client-address"]).toBe("198.51.100.20");
    process.env.TRUST_PROXY_HOPS = "2";
    const two = await request("/x", { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.0.0.2" } });
    expect(JSON.parse(two.body).headers["x-client-address"]).toBe("198.51.100.20");
  });

  it("trusts a Host header only when it names this machine, or APP_URL when configured", async () => {
    const evil = JSON.parse(
      (await request("/x", { headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } })).body,
    ).headers;
    expect(evil).toMatchObject({ host: "localhost:8000", "x-forwarded-host": "localhost:8000", "x-forwarded-proto": "http" });
    const local = JSON.parse((await request("/x", { headers: { host: "127.0.0.1:8100" } })).body).headers;
    expect(local).toMatchObject({ host: "127.0.0.1:8100", "x-forwarded-host": "127.0.0.1:8100" });
    process.env.APP_URL = "https://harambee.example.org";
    const configured = JSON.parse((await request("/x", { headers: { host: "evil.example" } })).body).headers;
    expect(configured).toMatchObject({
      host: "harambee.example.org",
      "x-forwarded-host": "harambee.example.org",
      "x-forwarded-proto": "https",
    });
  });

  it("answers a malformed path escape with 400 in the API's own shape", async () => {
    const v1 = await request("/api/v1/partner/%ZZ");
    expect(v1.status).toBe(400);
    expect(JSON.parse(v1.body)).toEqual({ detail: "The request path is not validly percent-encoded" });
    const partnerships = await request("/api/partnerships/%ZZ");
    expect(JSON.parse(partnerships.body)).toEqual({
      error: { code: "invalid_request", message: "The request path is not validly percent-encoded", details: {} },
    });
    expect((await request("/dashboard/%ZZ")).status).toBe(400);
  });

  it("refuses a declared body over the limit with 413 before reading it, and a body of unknown length where the app does not limit it", async () => {
    const big = await request("/api/v1/auth/token", {
      method: "POST",
      headers: { "content-length": String(2 * 1024 * 1024), "content-type": "application/json" },
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toEqual({ detail: "Request body exceeds the limit of 1 MiB" });
    const signIn = await request("/api/auth/callback/credentials", { method: "POST", body: "email=a", chunked: true });
    expect(signIn.status).toBe(411);
    const api = await request("/api/v1/auth/token", { method: "POST", body: "{}", chunked: true });
    expect(api.status).toBe(200);
  });
});
