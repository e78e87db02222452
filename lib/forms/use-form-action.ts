"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { z } from "zod";
import { CORRECT_FIELDS, IDLE, type ActionState } from "./action-state";
import { zodFieldErrors } from "./field-errors";

/**
 * Runs a server action from a client form: validates with the API's zod schema first
 * (so errors show without a round trip), shows progress, and refreshes the page's
 * server data on success so it reflects the new state without a reload.
 */
export function useFormAction<I, R>(
  action: (input: I) => Promise<ActionState<R>>,
  options: { schema?: z.ZodType; onSuccess?: (result: R) => void; refresh?: boolean } = {},
) {
  const router = useRouter();
  const [state, setState] = useState<ActionState<R>>(IDLE);
  const [pending, startTransition] = useTransition();

  function submit(input: I) {
    if (options.schema) {
      const parsed = options.schema.safeParse(input);
      if (!parsed.success) {
        setState({ status: "error", message: CORRECT_FIELDS, fieldErrors: zodFieldErrors(parsed.error, input) });
        return;
      }
    }
    startTransition(async () => {
      let next: ActionState<R>;
      try {
        next = await action(input);
      } catch {
        next = { status: "error", message: "The request did not reach the server. Check your connection and try again.", fieldErrors: {} };
      }
      setState(next);
      if (next.status === "success") {
        options.onSuccess?.(next.result);
        if (options.refresh !== false) router.refresh();
      }
    });
  }

  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  return { state, pending, submit, fieldErrors, reset: () => setState(IDLE) };
}
