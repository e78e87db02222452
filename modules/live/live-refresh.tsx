"use client";

import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { LiveSubject } from "@/lib/live/live-stamp";
import { liveStampAction } from "./actions";

/** How often a page asks whether what it shows has changed: a few seconds, only while it is in view. */
const POLL_MS = 3_000;

/**
 * Keeps a server-rendered page current: asks for the page's live stamp every few seconds
 * and, when it moves, re-renders the page from the server (what the reader is typing is kept).
 * It says so, politely, to screen readers too.
 */
/** `initial` is the stamp the page was rendered at, so a change made while it loaded is not missed. */
export function LiveRefresh({ subject, initial }: { subject: LiveSubject; initial: string }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: true } } }));
  return (
    <QueryClientProvider client={client}>
      <Follow subject={subject} initial={initial} />
    </QueryClientProvider>
  );
}

function Follow({ subject, initial }: { subject: LiveSubject; initial: string }) {
  const router = useRouter();
  const seen = useRef<string>(initial);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const query = useQuery({
    queryKey: ["live-stamp", subject],
    queryFn: () => liveStampAction(subject),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const stamp = query.data;
  useEffect(() => {
    if (stamp === undefined || stamp === null) return;
    if (seen.current !== stamp) {
      router.refresh();
      setUpdatedAt(new Date());
    }
    seen.current = stamp;
  }, [stamp, router]);
  return (
    <p role="status" aria-live="polite" className="text-xs text-slate-500" data-testid="live-status">
      {updatedAt
        ? `Updated at ${updatedAt.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" })} with the latest changes.`
        : "This page updates by itself when anyone changes what it shows."}
    </p>
  );
}
