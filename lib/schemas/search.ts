/** The `q` of a page's search box, and how many rows one CSV export of a list holds. */

export const SEARCH_MAX_LENGTH = 100;

/** The most rows one export holds; the page says so when its list has more. Narrow the filters for the rest. */
export const EXPORT_MAX_ROWS = 10_000;

/** The search text of a query string: trimmed, at most SEARCH_MAX_LENGTH characters, absent when empty. */
export function searchTerm(value: string | string[] | null | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const text = first?.trim().slice(0, SEARCH_MAX_LENGTH);
  return text ? text : undefined;
}
