/** Calls route handlers directly with real requests, as Next.js would. */
import { NextRequest } from "next/server";

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
  if (body === undefined && options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
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
