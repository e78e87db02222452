/**
 * Where a webhook may be sent: https, to a host whose every address is public. Loopback,
 * private, link-local, shared (CGNAT), unique-local, multicast and reserved ranges are
 * refused when the endpoint is registered and again at every connection (the lookup the
 * request itself uses), so a name that later resolves inward is refused too.
 * WEBHOOK_ALLOWED_HOSTS (comma-separated host names or addresses) exempts hosts from the
 * check, and lets them use plain http: for tests and local development only.
 */
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { AppError } from "../errors";

const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, "ipv6");
}

export function isPublicAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address is the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  const family = isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Why a URL's host may not be connected to now, or null: for an address literal, which no lookup sees. */
export function refusedLiteral(hostname: string): string | null {
  const host = bareHost(hostname);
  if (isIP(host) === 0 || isAllowListed(host) || isPublicAddress(host)) return null;
  return `refused: ${host} is not a public address`;
}

function allowedHosts(): Set<string> {
  return new Set(
    (process.env.WEBHOOK_ALLOWED_HOSTS ?? "")
      .split(",")
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  );
}

const bareHost = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

export function isAllowListed(hostname: string): boolean {
  return allowedHosts().has(bareHost(hostname));
}

const refuse = (message: string) =>
  new AppError("validation_failed", `Invalid input: body.url: ${message}`, { fields: [{ path: "body.url", message, type: "invalid" }] });

function resolveAll(hostname: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/** Checks a URL an admin gives for a webhook: throws a 4xx naming what is wrong. */
export async function checkEndpointUrl(raw: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse("must be an absolute URL");
  }
  const exempt = isAllowListed(url.hostname);
  if (url.protocol !== "https:" && !(exempt && url.protocol === "http:")) throw refuse("must be an https URL");
  if (url.username || url.password) throw refuse("must not carry a user name or password");
  if (exempt) return url;
  const host = bareHost(url.hostname);
  const addresses = isIP(host) ? [{ address: host }] : await resolveAll(host).catch(() => []);
  if (addresses.length === 0) throw refuse(`${host} does not resolve`);
  const inward = addresses.find((a) => !isPublicAddress(a.address));
  if (inward) throw refuse(`${host} resolves to ${inward.address}, a loopback, private or link-local address`);
  return url;
}

/**
 * The DNS lookup for the delivery's own connection: the same check at connect time, so
 * the address connected to is the address checked.
 */
export function guardedLookup(hostname: string, options: object, callback: (...args: unknown[]) => void): void {
  dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error);
    const list = addresses as LookupAddress[];
    const inward = isAllowListed(hostname) ? undefined : list.find((a) => !isPublicAddress(a.address));
    if (inward) return callback(new Error(`refused: ${hostname} resolves to ${inward.address}, not a public address`));
    const wantsAll = (options as { all?: boolean }).all === true;
    if (wantsAll) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}
