"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const UTC_MIDNIGHT = /^\d{4}-\d{2}-\d{2}T00:00:00(\.0+)?(Z|[+-]00:?00)$/;

/**
 * A date or timestamp in the reader's own locale and time zone. The server cannot know
 * either, so it renders a stable en-KE/UTC text that the browser replaces once hydrated.
 * Calendar dates (YYYY-MM-DD, or a timestamp at UTC midnight shown without its time) are
 * days, not instants, and are never shifted by time zone.
 */
export function LocalDate({
  value,
  time = false,
  fallback = "—",
  testId,
}: {
  value: string | null | undefined;
  time?: boolean;
  fallback?: string;
  testId?: string;
}) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (!value) return <>{fallback}</>;
  const dateOnly = DATE_ONLY.test(value) || (!time && UTC_MIDNIGHT.test(value));
  const withTime = time && !dateOnly;
  const options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };
  if (withTime) Object.assign(options, { hour: "2-digit", minute: "2-digit" });
  if (dateOnly || !inBrowser) options.timeZone = "UTC";
  if (withTime && inBrowser) options.timeZoneName = "short";
  const text = new Intl.DateTimeFormat(inBrowser ? undefined : "en-KE", options).format(new Date(value));
  return (
    <time dateTime={value} data-testid={testId} suppressHydrationWarning>
      {withTime && !inBrowser ? `${text} UTC` : text}
    </time>
  );
}
