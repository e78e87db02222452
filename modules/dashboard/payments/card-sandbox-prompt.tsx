"use client";

import Link from "next/link";
import { answerSandboxPromptAction } from "@/modules/dashboard/payments/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SandboxNotice } from "@/components/ui/sandbox-notice";
import { useFormAction } from "@/lib/forms/use-form-action";

/**
 * The sandbox's simulated card payment: where a real card payment would be entered in
 * Stripe's form, the partner completes or cancels it here, and the server settles it as
 * Stripe's confirmation would. Labelled so nobody takes it for a real payment.
 */
export function CardSandboxPrompt({ paymentId, amountLabel }: { paymentId: string; amountLabel: string }) {
  // The page stays as it is after the answer: it offers nothing more for a settled payment.
  const { state, pending, submit } = useFormAction((action: "approve" | "cancel") => answerSandboxPromptAction(paymentId, action), {
    refresh: false,
  });
  const settled = state.status === "success";
  return (
    <div className="space-y-3" data-testid="card-sandbox-prompt">
      <SandboxNotice>
        No card is charged on this server. Completing the payment here stands in for the card payment succeeding.
      </SandboxNotice>
      {settled ? null : (
        <div className="flex flex-wrap gap-2">
          <Button type="button" data-testid="complete-sandbox-card-payment" disabled={pending} onClick={() => submit("approve")}>
            {`Complete sandbox payment of ${amountLabel}`}
          </Button>
          <Button type="button" variant="secondary" disabled={pending} onClick={() => submit("cancel")}>
            Cancel the card payment
          </Button>
        </div>
      )}
      <FormStatus
        state={state}
        pending={pending}
        pendingText="Completing the sandbox card payment…"
        successText={
          state.status === "success"
            ? state.result.status === "completed"
              ? "Paid. The payment is completed and its invoice paid."
              : "The card payment was cancelled; the payment failed."
            : undefined
        }
      />
      {settled ? (
        <Link href="/dashboard/payments" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          View your payments
        </Link>
      ) : null}
    </div>
  );
}
