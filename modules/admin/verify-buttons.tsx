"use client";

import { useActionState, useState } from "react";
import { verifyPaymentAction } from "@/modules/admin/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { IDLE } from "@/lib/forms/action-state";

type Outcome = "completed" | "failed";

const CONSEQUENCES: Record<Outcome, string> = {
  completed: "This issues the receipt, marks the invoice paid and activates what the payment funds. It cannot be undone.",
  failed: "This voids the invoice and tells the partner to pay again. It cannot be undone.",
};

/**
 * Marks a pending payment received or failed, after a second click that says what the mark
 * does. `rateFor`: when the payment is in another currency than the partner reports in, the two currencies.
 */
export function VerifyButtons({
  paymentId,
  reference,
  summary,
  rateFor,
}: {
  paymentId: string;
  reference: string;
  /** Who paid what, for the confirmation ("Elimu Bora · KES 10,000.00"). */
  summary: string;
  rateFor?: { from: string; to: string };
}) {
  const [result, action, pending] = useActionState(verifyPaymentAction, IDLE);
  const [confirming, setConfirming] = useState<Outcome | null>(null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      {rateFor ? (
        <label className="block text-sm text-slate-700">
          Rate received ({rateFor.to} per {rateFor.from})
          <input
            name="exchange_rate"
            inputMode="decimal"
            required
            className="ml-2 w-28 rounded-md border border-slate-300 px-2 py-1 text-sm"
            aria-describedby={`${paymentId}-rate-hint`}
          />
          <span id={`${paymentId}-rate-hint`} className="sr-only">
            Needed to mark the payment received: the money is converted at this rate.
          </span>
        </label>
      ) : null}
      {confirming ? (
        <div role="group" aria-label={`Confirm ${reference}`} className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-slate-900">
            Mark {reference} ({summary}) {confirming === "completed" ? "received" : "failed"}?
          </p>
          <p className="mt-1 text-slate-700">{CONSEQUENCES[confirming]}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button
              type="submit"
              name="outcome"
              value={confirming}
              disabled={pending}
              formNoValidate={confirming === "failed"}
              aria-label={`Confirm: mark ${reference} ${confirming === "completed" ? "received" : "failed"}`}
            >
              {pending ? "Saving…" : confirming === "completed" ? "Yes, mark received" : "Yes, mark failed"}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(null)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" onClick={() => setConfirming("completed")} aria-label={`Mark ${reference} received`}>
            Mark received
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirming("failed")} aria-label={`Mark ${reference} failed`}>
            Mark failed
          </Button>
        </div>
      )}
      <FormStatus state={result} pending={pending} />
    </form>
  );
}
