"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date (or date and time) in the reader's own locale and time zone. The server render
 * uses a fixed UTC form; the browser replaces it after hydration. Date-only values
 * (stored at UTC midnight) are shown in UTC so they never move to the day before.
 */
export function LocalDate({ iso, withTime = false, testId }: { iso: string; withTime?: boolean; testId?: string }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  let text: string;
  if (!inBrowser) {
    text = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: "UTC" }).format(date) + (withTime ? " UTC" : "");
  } else if (withTime) {
    text = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  } else {
    text = date.toLocaleDateString(undefined, { dateStyle: "medium", timeZone: "UTC" });
  }
  return (
    <time dateTime={iso} data-testid={testId}>
      {text}
    </time>
  );
}
