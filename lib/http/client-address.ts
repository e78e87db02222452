/**
 * Who is on the other end of a request. The server in front of the app (server.ts)
 * decides it from the socket, or from X-Forwarded-For through exactly
 * TRUST_PROXY_HOPS proxies of our own, and passes it on in one header that it always
 * overwrites; the app reads nothing else, so no client can choose its own address.
 */
export const CLIENT_ADDRESS_HEADER = "x-client-address";

export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUST_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops > 0 ? Math.min(hops, 10) : 0;
}

/**
 * The client's address: the socket peer, or, behind `hops` trusted proxies, the entry of
 * X-Forwarded-For that the outermost of them appended. Entries further left were
 * written by the client and are ignored.
 */
export function resolveClientAddress(options: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  hops: number;
}): string {
  const forwarded = (Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, normalizeAddress(options.socketAddress ?? "unknown")];
  const index = Math.max(0, chain.length - 1 - options.hops);
  return normalizeAddress(chain[index]!);
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so one client has one spelling. */
function normalizeAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

/** The address the server in front of the app resolved for this request ("unknown" without it). */
export function clientAddressOf(source: Request | Headers): string {
  const headers = source instanceof Headers ? source : source.headers;
  return headers.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown";
}
