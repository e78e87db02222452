"use client";

import { useState } from "react";
import { cancelPaymentAction } from "@/modules/workspace/partnerships/payment-plan-actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { formatMoney } from "@/lib/format";
import { useFormAction } from "@/lib/forms/use-form-action";

/** "Cancel payment", then a confirm step: for the brand, on a payment that holds no money (pending or failed). */
export function CancelPayment({
  partnershipId,
  payment,
}: {
  partnershipId: string;
  payment: { id: string; amount: number; currency: string; transactionId: string | null };
}) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useFormAction(() => cancelPaymentAction(partnershipId, payment.id, {}));
  const amount = formatMoney(payment.amount, payment.currency);

  if (!confirming) {
    return (
      <div className="mt-2">
        <Button type="button" variant="secondary" data-testid="cancel-payment" onClick={() => setConfirming(true)}>
          Cancel payment
        </Button>
      </div>
    );
  }
  return (
    <div
      role="alert"
      className="mt-2 space-y-2 rounded-md border border-rose-200 bg-rose-50/40 p-3 text-sm"
      data-testid="cancel-payment-confirm"
    >
      <p>
        Cancel this payment of {amount}? It will not be paid, and the partnership no longer waits for it.
        {payment.transactionId ? " If the charge you started still goes through, the money is returned to you." : ""} This cannot be undone.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="danger"
          data-testid="cancel-payment-submit"
          disabled={cancel.pending}
          onClick={() => cancel.submit(undefined)}
        >
          {cancel.pending ? "Cancelling…" : "Confirm: cancel payment"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={cancel.pending}
          onClick={() => {
            setConfirming(false);
            cancel.reset();
          }}
        >
          Keep the payment
        </Button>
      </div>
      <FormStatus state={cancel.state} pending={cancel.pending} pendingText="Cancelling the payment…" />
    </div>
  );
}
