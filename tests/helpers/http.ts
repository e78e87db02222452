/** Calls route handlers directly with real requests, as Next.js would. */
import { NextRequest } from "next/server";
import { checkDocumentedResponse } from "./openapi-responses";

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as-is instead of JSON-encoding `body`. */
  rawBody?: string;
  params?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(handler: Handler, url: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  // JSON unless the test says otherwise (a string body would otherwise go as text/plain).
  if (body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  const request = new NextRequest(new URL(url, "http://localhost:8000"), {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  // Every response must be one the published OpenAPI document describes.
  await checkDocumentedResponse(handler, { status: response.status, contentType: response.headers.get("content-type"), body: parsed });
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export const DEMO_PASSWORD = "demo-password";

/** Signs in through the token endpoint and returns the bearer token. */
export async function tokenFor(email: string): Promise<string> {
  const { POST } = await import("../../app/api/v1/auth/token/route");
  const result = await call<{ access_token: string }>(POST, "/api/v1/auth/token", { body: { email, password: DEMO_PASSWORD } });
  if (result.status !== 200) throw new Error(`sign-in failed for ${email}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body.access_token;
}

/**
 * A browser session for `email`, as signing in on /login makes one: a server-side
 * session row and the next-auth cookie naming it. Returns the Cookie header value.
 */
export async function sessionCookieFor(email: string): Promise<{ cookie: string; sessionId: string; userId: string }> {
  const { getDb } = await import("../../lib/db");
  const { startSession, SESSION_MAX_AGE_SECONDS } = await import("../../lib/auth/sessions");
  const { getAuthSecret } = await import("../../lib/auth/secret");
  const { encode } = await import("next-auth/jwt");
  const user = await getDb().user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, tokenVersion: true } });
  const session = await startSession({ userId: user.id, clientAddress: "203.0.113.1", userAgent: "vitest" });
  const token = await encode({
    token: { sub: user.id, role: user.role, ver: user.tokenVersion, sid: session.id },
    secret: getAuthSecret(),
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  return { cookie: `next-auth.session-token=${token}`, sessionId: session.id, userId: user.id };
}

/** Headers of a same-origin browser request carrying the session cookie. */
export function browserHeaders(cookie: string, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie, origin: "http://localhost:8000", "sec-fetch-site": "same-origin", ...extra };
}
