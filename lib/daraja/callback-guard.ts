/**
 * Who may post an M-Pesa callback. Safaricom signs nothing, so a callback is believed only
 * when its URL ends with the secret token (DARAJA_CALLBACK_TOKEN, compared in constant time)
 * and, when DARAJA_CALLBACK_ALLOWED_IPS is set, when it comes from one of those addresses.
 *
 * The sender is the peer the server in front of the app saw (server.ts puts it in
 * x-client-address, already resolved through TRUST_PROXY_HOPS proxies of our own). Where a
 * runtime passes X-Forwarded-For on, it is believed only when that peer is one of
 * TRUSTED_PROXIES: the sender is then the right-most entry that is not one of them. When the
 * runtime gives no peer address at all, nothing the request says can be believed: with an
 * allow-list set, such a callback is refused (and the reconciliation query finds the result).
 */
import crypto from "node:crypto";
import { AppError } from "../errors";
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import { callbackAllowedIps, callbackToken, trustedProxies } from "./config";

function sameSecret(given: string, expected: string): boolean {
  return crypto.timingSafeEqual(crypto.createHash("sha256").update(given).digest(), crypto.createHash("sha256").update(expected).digest());
}

/** "::ffff:196.201.214.200" and "196.201.214.200" are one sender. */
const plain = (address: string) => (address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address).trim();

/** The callback's sender, or null when it cannot be known. */
export function callbackSender(options: { peer: string | null; forwardedFor: string | null; trusted: string[] }): string | null {
  const peer = options.peer && options.peer !== "unknown" ? plain(options.peer) : null;
  if (!peer) return null;
  const trusted = new Set(options.trusted.map(plain));
  if (!trusted.has(peer) || !options.forwardedFor) return peer;
  const chain = options.forwardedFor.split(",").map(plain).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i -= 1) if (!trusted.has(chain[i]!)) return chain[i]!;
  return peer;
}

/**
 * Refuses a callback that does not carry the token (404, as for a path that does not exist:
 * the URL itself is the secret) or that comes from outside the allow-list (403).
 */
export function requireDarajaCallback(request: Request, pathname: string): void {
  const given = decodeURIComponent(pathname.replace(/\/+$/, "").split("/").pop() ?? "");
  const expected = callbackToken();
  if (!expected || !sameSecret(given, expected)) throw new AppError("resource_not_found", "Not found");
  const allowed = callbackAllowedIps();
  if (!allowed.length) return;
  const sender = callbackSender({
    peer: request.headers.get(CLIENT_ADDRESS_HEADER),
    forwardedFor: request.headers.get("x-forwarded-for"),
    trusted: trustedProxies(),
  });
  if (!sender || !allowed.map(plain).includes(sender)) {
    console.warn(`M-Pesa callback from ${sender ?? "an unknown address"} refused: not in DARAJA_CALLBACK_ALLOWED_IPS`);
    throw new AppError("insufficient_permissions", "Callbacks are accepted only from M-Pesa's addresses");
  }
}
