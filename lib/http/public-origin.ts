/**
 * The origin the app is served at, as browsers see it. APP_URL (or NEXTAUTH_URL) names
 * it in production; behind TRUST_PROXY_HOPS proxies their X-Forwarded-Host/-Proto are
 * believed; otherwise a Host header is believed only when it names this machine, since
 * anyone can send any Host. The server in front of the app writes the answer into
 * X-Forwarded-Host and X-Forwarded-Proto, overwriting what the client sent.
 */
export function configuredOrigin(): string | null {
  const url = (process.env.APP_URL ?? process.env.NEXTAUTH_URL)?.trim();
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    throw new Error(`APP_URL is not a URL: ${url}`);
  }
}

const LOOPBACK_HOST = /^(localhost|[a-z0-9-]+\.localhost|127(\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOST.test(host);
}

const lastEntry = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value.join(",") : (value ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);

export function resolvePublicOrigin(options: {
  hostHeader: string | undefined;
  forwardedHost: string | string[] | undefined;
  forwardedProto: string | string[] | undefined;
  encrypted: boolean;
  hops: number;
  port: number;
}): { host: string; proto: "http" | "https" } {
  const configured = configuredOrigin();
  if (configured) {
    const url = new URL(configured);
    return { host: url.host, proto: url.protocol === "https:" ? "https" : "http" };
  }
  const ownProto = options.encrypted ? "https" : "http";
  if (options.hops > 0) {
    const host = lastEntry(options.forwardedHost);
    const proto = lastEntry(options.forwardedProto);
    if (host) return { host, proto: proto === "https" ? "https" : proto === "http" ? "http" : ownProto };
  }
  const host = options.hostHeader?.trim();
  if (host && isLoopbackHost(host)) return { host, proto: ownProto };
  return { host: `localhost:${options.port}`, proto: ownProto };
}

/** The app's origin for a request that passed through the server in front of it. */
export function publicOriginOf(request: Request): string {
  const configured = configuredOrigin();
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}
