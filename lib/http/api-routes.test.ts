/**
 * The direct API routes, on a build laid out as Next.js lays it out: the route list,
 * matching as Next.js matches, and requests and responses carried through unchanged.
 * The browser tests run the real build through it.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directApiRoutes, matchApiRoute, readApiRoutes } from "./api-routes";

let distDir: string;

/** A compiled route module as Next.js emits it: `routeModule.userland` holds the handlers. */
const ROUTE_MODULE = `
exports.routeModule = { userland: {
  GET: async (request, { params }) => Response.json({ path: request.nextUrl.pathname, search: request.nextUrl.search, params: await params, client: request.headers.get("x-test") }),
  POST: async (request) => {
    const text = await request.text();
    const headers = new Headers({ "content-type": "application/json" });
    headers.append("set-cookie", "a=1; Path=/");
    headers.append("set-cookie", "b=2; Path=/");
    return new Response(JSON.stringify({ received: text }), { status: 201, headers });
  },
  DELETE: async () => { throw new Error("escaped the pipeline"); },
} };
`;

beforeAll(() => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), "api-routes-"));
  const manifest: Record<string, string> = {};
  for (const route of [
    "/api/v1/partner/sponsorships",
    "/api/v1/partner/sponsorships/[id]",
    "/api/v1/partner/programs/[id]/targets",
    "/api/v1/partner/programs/new-things",
    "/api/partnerships/[partnershipId]/deliverables/[deliverableId]/submit",
    "/api/(group)/v1/files/[...parts]",
    "/api/auth/[...nextauth]",
  ]) {
    const file = `app${route}/route.js`;
    manifest[`${route}/route`] = file;
    fs.mkdirSync(path.join(distDir, "server", path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(distDir, "server", file), ROUTE_MODULE);
  }
  manifest["/dashboard/page"] = "app/dashboard/page.js";
  fs.writeFileSync(path.join(distDir, "server", "app-paths-manifest.json"), JSON.stringify(manifest));
});

afterAll(() => fs.rmSync(distDir, { recursive: true, force: true }));

describe("the API route list", () => {
  it("holds the API routes only, without route groups, and leaves next-auth and pages to Next.js", () => {
    const paths = readApiRoutes(distDir).map((route) => route.path);
    expect(paths).toContain("/api/v1/files/[...parts]");
    expect(paths).not.toContain("/api/auth/[...nextauth]");
    expect(paths.some((p) => p.startsWith("/dashboard"))).toBe(false);
  });

  it("matches static segments before parameters, decodes each segment, and refuses partial matches", () => {
    const routes = readApiRoutes(distDir);
    expect(matchApiRoute(routes, "/api/v1/partner/programs/new-things")?.route.path).toBe("/api/v1/partner/programs/new-things");
    expect(matchApiRoute(routes, "/api/v1/partner/sponsorships/a%20b")?.params).toEqual({ id: "a b" });
    expect(matchApiRoute(routes, "/api/partnerships/p1/deliverables/d2/submit")?.params).toEqual({
      partnershipId: "p1",
      deliverableId: "d2",
    });
    expect(matchApiRoute(routes, "/api/v1/files/x/y%2Fz")?.params).toEqual({ parts: ["x", "y/z"] });
    expect(matchApiRoute(routes, "/api/v1/files")).toBeNull();
    expect(matchApiRoute(routes, "/api/v1/partner/sponsorships/1/extra")).toBeNull();
    expect(matchApiRoute(routes, "/api/v1/partner/sponsorships/")).toBeNull();
    expect(matchApiRoute(routes, "/api/v1/partner/nothing")).toBeNull();
  });
});

describe("serving API routes directly", () => {
  let server: http.Server;
  let base: string;
  const passed: string[] = [];

  beforeAll(async () => {
    const serve = await directApiRoutes(distDir);
    server = http.createServer((req, res) => {
      const pathname = (req.url ?? "/").split("?")[0]!;
      void serve(req, res, pathname).then((served) => {
        if (served) return;
        passed.push(`${req.method} ${pathname}`);
        res.writeHead(299).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("hands the handler the path, query, parameters and headers", async () => {
    const response = await fetch(`${base}/api/v1/partner/sponsorships/s-1?limit=2`, { headers: { "x-test": "yes" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      path: "/api/v1/partner/sponsorships/s-1",
      search: "?limit=2",
      params: { id: "s-1" },
      client: "yes",
    });
  });

  it("streams the body in and answers status, headers and every cookie", async () => {
    const response = await fetch(`${base}/api/v1/partner/sponsorships`, {
      method: "POST",
      body: '{"x":1}',
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(await response.json()).toEqual({ received: '{"x":1}' });
  });

  it("answers an error that escaped a handler in the API's own shape", async () => {
    const v1 = await fetch(`${base}/api/v1/partner/sponsorships/s-1`, { method: "DELETE" });
    expect(v1.status).toBe(500);
    expect(await v1.json()).toEqual({ detail: "Internal server error" });
    const partnerships = await fetch(`${base}/api/partnerships/p/deliverables/d/submit`, { method: "DELETE" });
    expect((await partnerships.json()).error.code).toBe("internal_server_error");
  });

  it("leaves unknown paths, methods a route does not export, HEAD and next-auth to Next.js", async () => {
    passed.length = 0;
    await fetch(`${base}/api/v1/partner/nothing`);
    await fetch(`${base}/api/v1/partner/sponsorships`, { method: "PUT" });
    await fetch(`${base}/api/v1/partner/sponsorships`, { method: "HEAD" });
    await fetch(`${base}/api/auth/session`);
    expect(passed).toEqual([
      "GET /api/v1/partner/nothing",
      "PUT /api/v1/partner/sponsorships",
      "HEAD /api/v1/partner/sponsorships",
      "GET /api/auth/session",
    ]);
  });
});
