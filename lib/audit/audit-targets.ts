/** How an audit row names what a request acted on: the route it was served by and the ids it named. */
import { isUuid } from "../ids";

/** The ids a request named, by their names: route parameters or a form's id fields. */
export type AuditTarget = Record<string, string | string[]>;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The route a request was served by, in the OpenAPI documents' spelling: each path
 * parameter's value replaced by `{name}` ("/api/partnerships/{partnershipId}/contract/sign").
 * Parameters are matched from the right, the last one first and each to the left of the
 * one after it: a route's leading segments are literal, so a value that also spells one
 * of them ("/programs/programs") is not mistaken for it.
 */
export function routeTemplate(pathname: string, params: AuditTarget): string {
  const segments = pathname.split("/");
  const decoded = segments.map(decodeSegment);
  let end = decoded.length;
  for (const [name, value] of Object.entries(params).reverse()) {
    const parts = Array.isArray(value) ? value : [value];
    if (parts.length === 0) continue;
    for (let i = end - parts.length; i >= 1; i--) {
      if (parts.every((part, j) => decoded[i + j] === part)) {
        segments.splice(i, parts.length, `{${name}}`);
        decoded.splice(i, parts.length, `{${name}}`);
        end = i;
        break;
      }
    }
  }
  return segments.join("/");
}

const ID_KEY = /^id$|Id$|_id$/;

/**
 * The ids a form's parsed input names: a UUID given alone is `{id}`; an object gives its
 * string fields named `id` or ending in `Id` or `_id`.
 */
export function formTarget(data: unknown): AuditTarget {
  if (typeof data === "string") return isUuid(data) ? { id: data } : {};
  if (data === null || typeof data !== "object" || Array.isArray(data)) return {};
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => ID_KEY.test(key) && typeof value === "string"));
}
