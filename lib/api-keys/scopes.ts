/**
 * What an API key may call: read or write, per area, payments apart. The route a request
 * names decides its scope (scopeFor): a GET reads, anything else writes. Team, keys and
 * account routes take no key at all: they are a person's.
 */
import { AppError } from "../errors";

export const API_KEY_SCOPES = [
  "sponsorships:read",
  "sponsorships:write",
  "payments:read",
  "payments:write",
  "partnerships:read",
  "partnerships:write",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** The areas an organisation of each kind works in. */
export const AREAS_OF_KIND: Record<"partner" | "brand" | "creator", readonly string[]> = {
  partner: ["sponsorships", "payments"],
  brand: ["partnerships", "payments"],
  creator: ["partnerships", "payments"],
};

export const SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  "sponsorships:read": "Read sponsorships, students, programs, impact and reports",
  "sponsorships:write": "Create sponsorships and programs, set targets",
  "payments:read": "Read payments, invoices, receipts, statements and standing orders (partners); escrow payments (brands and creators)",
  "payments:write": "Make payments and standing orders (partners); fund, release and cancel escrow payments (brands and creators)",
  "partnerships:read": "Read proposals, partnerships, contracts, deliverables and disputes",
  "partnerships:write": "Send and answer proposals, sign contracts, submit and review deliverables, open disputes",
};

const PARTNER_PAYMENT_PATHS = /^\/api\/v1\/partner\/(payments|statements|standing-orders|organization)(\/|$)/;
const ESCROW_PAYMENT_PATHS = /^\/api\/partnerships\/[^/]+\/payments(\/|$)|^\/api\/partnerships\/payout-method$/;

/** The scope a request needs, or null for a route no API key may call. */
export function scopeFor(method: string, pathname: string): ApiKeyScope | null {
  const access = method === "GET" ? "read" : "write";
  if (PARTNER_PAYMENT_PATHS.test(pathname) || ESCROW_PAYMENT_PATHS.test(pathname)) return `payments:${access}`;
  if (pathname.startsWith("/api/v1/partner/")) return `sponsorships:${access}`;
  if (pathname.startsWith("/api/partnerships")) return `partnerships:${access}`;
  return null;
}

/** Throws 403 unless the key's scopes cover the request. */
export function requireScope(scopes: readonly string[], method: string, pathname: string): void {
  // The event list is read with any read scope; it shows only the events of the areas read.
  if (method === "GET" && pathname === "/api/v1/events") {
    if (scopes.some((scope) => scope.endsWith(":read"))) return;
    throw new AppError("insufficient_permissions", "This API key lacks a read scope", { requiredScope: "any :read scope" });
  }
  const needed = scopeFor(method, pathname);
  if (!needed) throw new AppError("insufficient_permissions", "API keys cannot call this endpoint: it needs a person's sign-in");
  if (!scopes.includes(needed))
    throw new AppError("insufficient_permissions", `This API key lacks the scope ${needed}`, { requiredScope: needed });
}
