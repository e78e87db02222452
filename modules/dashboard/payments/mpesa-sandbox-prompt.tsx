"use client";

import { answerSandboxPromptAction } from "@/modules/dashboard/payments/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/lib/forms/use-form-action";

/**
 * The sandbox's simulated phone: where a real M-Pesa payment would prompt the payer's
 * phone for their PIN, the partner approves or cancels here. Labelled so nobody takes it
 * for a real payment.
 */
export function MpesaSandboxPrompt({
  paymentId,
  amountLabel,
  phone,
  compact = false,
}: {
  paymentId: string;
  amountLabel: string;
  phone: string | null;
  compact?: boolean;
}) {
  const { state, pending, submit } = useFormAction((action: "approve" | "cancel") => answerSandboxPromptAction(paymentId, action));
  const settled = state.status === "success";
  return (
    <div className={compact ? "mt-1 space-y-1" : "rounded-md border border-amber-300 bg-amber-50 p-4"} data-testid="mpesa-sandbox-prompt">
      {compact ? null : (
        <>
          <p className="text-sm font-semibold text-amber-900">Sandbox M-Pesa: simulated phone</p>
          <p className="mt-1 text-sm text-amber-900">
            No real prompt was sent{phone ? ` to ${phone}` : ""} and no money moves. Answer the prompt for {amountLabel} as the payer would
            on their phone.
          </p>
        </>
      )}
      {settled ? null : (
        <div className={`flex flex-wrap gap-2 ${compact ? "" : "mt-3"}`}>
          <Button type="button" disabled={pending} onClick={() => submit("approve")} className={compact ? "px-2 py-1 text-xs" : ""}>
            {compact ? "Approve (sandbox)" : "Approve: enter PIN"}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={pending}
            onClick={() => submit("cancel")}
            className={compact ? "px-2 py-1 text-xs" : ""}
          >
            {compact ? "Cancel (sandbox)" : "Cancel the prompt"}
          </Button>
        </div>
      )}
      <FormStatus
        state={state}
        pending={pending}
        pendingText="Sending the answer to M-Pesa…"
        successText={
          state.status === "success"
            ? state.result.status === "completed"
              ? `Paid. M-Pesa receipt ${state.result.receipt ?? ""}.`
              : "The prompt was cancelled; the payment failed."
            : undefined
        }
      />
    </div>
  );
}
