"use client";

import { useActionState } from "react";
import { verifyPaymentAction } from "@/modules/admin/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { IDLE } from "@/lib/forms/action-state";

/** `rateFor`: when the payment is in another currency than the partner reports in, the two currencies. */
export function VerifyButtons({
  paymentId,
  reference,
  rateFor,
}: {
  paymentId: string;
  reference: string;
  rateFor?: { from: string; to: string };
}) {
  const [result, action, pending] = useActionState(verifyPaymentAction, IDLE);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="paymentId" value={paymentId} />
      {rateFor ? (
        <label className="text-sm text-slate-700">
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
      <Button type="submit" name="outcome" value="completed" disabled={pending} aria-label={`Mark ${reference} received`}>
        {pending ? "Saving…" : "Mark received"}
      </Button>
      <Button
        type="submit"
        name="outcome"
        value="failed"
        variant="secondary"
        disabled={pending}
        formNoValidate
        aria-label={`Mark ${reference} failed`}
      >
        Mark failed
      </Button>
      <FormStatus state={result} pending={pending} />
    </form>
  );
}
