import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { REQUEST_PATH_HEADER } from "../http/request-path";

/**
 * The path to return to after signing in, when `value` is one of this app's own pages:
 * a path starting with a single "/" (not "//" or "/\", which browsers read as another
 * host) and not an API or sign-in path. Anything else is null, so nobody can be sent
 * elsewhere by a crafted link.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 2000) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  if (value.startsWith("/api/") || value === "/login" || value.startsWith("/login?")) return null;
  return value;
}

/** The sign-in page, remembering `returnTo` when it is one of ours. */
export function loginPathFor(returnTo: string | null | undefined): string {
  const safe = safeReturnPath(returnTo);
  return safe && safe !== "/" ? `/login?returnTo=${encodeURIComponent(safe)}` : "/login";
}

/** Sends an anonymous reader to sign in, to come back to the page they asked for. */
export async function redirectToLogin(): Promise<never> {
  const asked = (await headers()).get(REQUEST_PATH_HEADER);
  redirect(loginPathFor(asked));
}
