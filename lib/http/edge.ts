/**
 * What the server in front of the app does to every request before Next.js sees it
 * (server.ts): refuse a path that does not decode and a body whose declared size is
 * over its limit, decide the client's address and the public origin (overwriting what
 * the client claimed), and put the security headers, with a fresh script nonce, on the
 * response. Kept apart from server.ts so that it can be tested on a plain HTTP server.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { errorBodyFor, flavourOfPath } from "../api/error-body";
import { AppError } from "../errors";
import { BODY_LIMITS, tooLarge } from "./body";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, trustedProxyHops } from "./client-address";
import { resolvePublicOrigin } from "./public-origin";
import { REQUEST_PATH_HEADER } from "./request-path";
import { newNonce, securityHeaders, stripeConfigured } from "./security-headers";

export interface EdgeOptions {
  port: number;
  development: boolean;
}

/** The body limit for a path; webhooks and sign-in forms have their own. */
export function bodyLimitFor(pathname: string): number {
  if (pathname.startsWith("/api/webhooks/")) return BODY_LIMITS.stripeWebhook;
  if (pathname.startsWith("/api/v1/payments/mpesa/")) return BODY_LIMITS.mpesaCallback;
  if (pathname.startsWith("/api/auth/")) return BODY_LIMITS.authForm;
  if (pathname.startsWith("/api/")) return BODY_LIMITS.json;
  return BODY_LIMITS.page;
}

/** Paths whose handlers read bodies through the app's own limited reader, so a body of unknown length is safe there. */
function readsBodyWithLimit(pathname: string): boolean {
  return pathname.startsWith("/api/") && !pathname.startsWith("/api/auth/");
}

function refuse(res: ServerResponse, pathname: string, error: AppError): void {
  const flavour = flavourOfPath(pathname);
  res.setHeader("Connection", "close");
  if (flavour) {
    const { status, body, headers } = errorBodyFor(flavour, error);
    res.writeHead(status, { ...headers, "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  } else {
    res.writeHead(error.status, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(`${error.message}\n`);
  }
}

/** Prepares the request and response; false when the request was answered here. */
export function applyEdge(req: IncomingMessage, res: ServerResponse, options: EdgeOptions): boolean {
  const nonce = newNonce();
  const headers = securityHeaders({
    nonce,
    stripe: stripeConfigured(),
    development: options.development,
    production: !options.development,
  });
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);

  const rawPath = (req.url ?? "/").split("?")[0]!;
  let pathname: string;
  try {
    pathname = decodeURIComponent(rawPath);
  } catch {
    refuse(res, rawPath, new AppError("invalid_request", "The request path is not validly percent-encoded"));
    return false;
  }

  const limit = bodyLimitFor(pathname);
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limit) {
    refuse(res, pathname, tooLarge(limit));
    return false;
  }
  if (declared === undefined && req.headers["transfer-encoding"] !== undefined && !readsBodyWithLimit(pathname)) {
    refuse(res, pathname, new AppError("length_required", "Request bodies here must declare their Content-Length"));
    return false;
  }

  const hops = trustedProxyHops();
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    hops,
  });
  const origin = resolvePublicOrigin({
    hostHeader: req.headers.host,
    forwardedHost: req.headers["x-forwarded-host"],
    forwardedProto: req.headers["x-forwarded-proto"],
    encrypted: Boolean((req.socket as TLSSocket).encrypted),
    hops,
    port: options.port,
  });
  req.headers.host = origin.host;
  req.headers["x-forwarded-host"] = origin.host;
  req.headers["x-forwarded-proto"] = origin.proto;
  // Only our own address decision travels on; the client's claim is dropped.
  delete req.headers["x-forwarded-for"];
  delete req.headers["x-real-ip"];
  // Pages read the path asked for (to return to it after signing in); a client's claim is replaced.
  req.headers[REQUEST_PATH_HEADER] = req.url ?? "/";
  // Next.js reads the nonce from the request's policy and puts it on its scripts.
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  return true;
}
