"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

const FORMATS = {
  date: { day: "numeric", month: "short", year: "numeric" },
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * A date in the reader's own locale and time zone. The server render (and the first
 * client render, so hydration matches) shows it in UTC; the browser then re-renders it
 * with the user's locale.
 */
export function LocalTime({ iso, format = "date", className }: { iso: string | null | undefined; format?: keyof typeof FORMATS; className?: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => (iso ? new Intl.DateTimeFormat(undefined, FORMATS[format]).format(new Date(iso)) : ""),
    () => (iso ? `${new Intl.DateTimeFormat("en-GB", { ...FORMATS[format], timeZone: "UTC" }).format(new Date(iso))}${format === "dateTime" ? " UTC" : ""}` : ""),
  );
  if (!iso) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
