"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** A page that failed to load: say so plainly and offer to try again. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-6">
      <h1 className="text-lg font-semibold text-red-900">This page could not be loaded</h1>
      <p className="mt-2 text-sm text-red-800">
        Something went wrong on our side; nothing you entered was lost. Try again, and if it keeps happening, quote the reference below when
        you contact us.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-red-700">Reference: {error.digest}</p> : null}
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
