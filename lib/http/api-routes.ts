/**
 * In production the server in front of the app (server.ts) hands requests for the two
 * APIs straight to their route handlers, the very modules Next.js compiled and loads
 * itself, instead of through Next.js's router. The router's per-request work (route
 * resolution, request stores, response streaming) was a third of an API request's time
 * (`npm run bench:floor`), and the API handlers use none of what it sets up: no
 * `next/headers`, no caching, no redirects. Everything else (pages, server actions,
 * next-auth, unknown paths, methods a route does not export, HEAD and OPTIONS) goes to
 * Next.js as before, and so does everything when the build's route list cannot be read.
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import type { NextRequest } from "next/server";
import { errorBodyFor, flavourOfPath } from "../api/error-body";

type Params = Record<string, string | string[]>;
type Handler = (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response>;
type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "rest"; name: string };

export interface ApiRoute {
  /** The route's path as Next.js names it, e.g. `/api/v1/partner/sponsorships/[id]`. */
  path: string;
  segments: Segment[];
  file: string;
}

/** The paths served directly: both APIs and provider webhooks (next-auth needs Next.js's request context). */
const DIRECT_PREFIXES = ["/api/v1/", "/api/partnerships", "/api/webhooks/"];
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

function parseSegments(routePath: string): Segment[] {
  return routePath
    .split("/")
    .filter(Boolean)
    .map((part): Segment => {
      const rest = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (rest) return { kind: "rest", name: rest[1]! };
      const param = /^\[(\w+)\]$/.exec(part);
      if (param) return { kind: "param", name: param[1]! };
      return { kind: "static", value: part };
    });
}

const RANK = { static: 0, param: 1, rest: 2 } as const;

/** Static segments before parameters before catch-alls, position by position, as Next.js resolves them. */
function bySpecificity(a: ApiRoute, b: ApiRoute): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? 1 : -1;
    if (RANK[x.kind] !== RANK[y.kind]) return RANK[x.kind] - RANK[y.kind];
  }
  return 0;
}

/** The API routes of a build, read from Next.js's list of app paths (route groups and all). */
export function readApiRoutes(distDir: string): ApiRoute[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  return Object.entries(manifest)
    .filter(([key]) => key.endsWith("/route"))
    .map(([key, file]) => {
      const routePath = key.slice(0, -"/route".length).replace(/\/\([^/]+\)/g, "");
      return { path: routePath, segments: parseSegments(routePath), file: path.join(distDir, "server", file) };
    })
    .filter((route) => DIRECT_PREFIXES.some((prefix) => `${route.path}/`.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`)))
    .sort(bySpecificity);
}

/** The route a decoded-safe path names, with its parameters (each segment percent-decoded). */
export function matchApiRoute(routes: ApiRoute[], pathname: string): { route: ApiRoute; params: Params } | null {
  if (pathname.length > 1 && pathname.endsWith("/")) return null; // Next.js redirects these
  const parts = pathname.split("/").filter(Boolean);
  for (const route of routes) {
    const params: Params = {};
    let matched = true;
    for (let i = 0; i < route.segments.length && matched; i++) {
      const segment = route.segments[i]!;
      const part = parts[i];
      if (segment.kind === "rest") {
        if (i >= parts.length) matched = false;
        else params[segment.name] = parts.slice(i).map(decodeURIComponent);
        break;
      }
      if (part === undefined) matched = false;
      else if (segment.kind === "static") matched = part === segment.value;
      else params[segment.name] = decodeURIComponent(part);
    }
    const consumed = route.segments.at(-1)?.kind === "rest" || parts.length === route.segments.length;
    if (matched && consumed) return { route, params };
  }
  return null;
}

function requestOf(NextRequestClass: typeof NextRequest, req: IncomingMessage): NextRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new NextRequestClass(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as ConstructorParameters<typeof NextRequest>[1]);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

/**
 * Returns a function that answers a request when it is for an API route and true, or
 * false to leave it to Next.js. Route modules are loaded on first use, from the build.
 * Call it after Next.js is prepared.
 */
export async function directApiRoutes(
  distDir: string,
): Promise<(req: IncomingMessage, res: ServerResponse, pathname: string) => Promise<boolean>> {
  // Loaded once Next.js has set up its server environment, which next/server expects.
  const { NextRequest: NextRequestClass } = await import("next/server");
  let routes: ApiRoute[];
  try {
    routes = readApiRoutes(distDir);
  } catch (error) {
    console.warn("API routes are served through Next.js: the build's route list could not be read.", error);
    return async () => false;
  }
  const load = createRequire(import.meta.url);
  const handlers = new Map<string, Promise<Record<string, unknown>>>();
  const userlandOf = (route: ApiRoute) => {
    let loaded = handlers.get(route.file);
    if (!loaded) {
      loaded = (async () => {
        const { routeModule } = load(route.file) as {
          routeModule: { ensureUserland?: () => Promise<void>; userland: Record<string, unknown> };
        };
        await routeModule.ensureUserland?.();
        return routeModule.userland;
      })();
      handlers.set(route.file, loaded);
    }
    return loaded;
  };

  return async (req, res, pathname) => {
    const method = req.method ?? "GET";
    if (!METHODS.has(method)) return false;
    const found = matchApiRoute(routes, pathname);
    if (!found) return false;
    const handler = (await userlandOf(found.route))[method] as Handler | undefined;
    if (typeof handler !== "function") return false;
    try {
      await send(res, await handler(requestOf(NextRequestClass, req), { params: Promise.resolve(found.params) }));
    } catch (error) {
      // The route pipelines answer their own errors; this is what escaped them.
      if (res.headersSent) {
        console.error(error);
        res.destroy();
        return true;
      }
      const { status, body, headers } = errorBodyFor(flavourOfPath(pathname) ?? "v1", error);
      res.writeHead(status, { ...headers, "Content-Type": "application/json" }).end(JSON.stringify(body));
    }
    return true;
  };
}
