"use client";

import { useState } from "react";
import {
  confirmSandboxPaymentAction,
  initiatePaymentAction,
  releasePaymentAction,
  resumePaymentAction,
} from "@/modules/workspace/partnerships/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/lib/forms/use-form-action";
import { initiatePaymentBody } from "@/lib/partnerships/schemas/payments";
import { StripePaymentForm } from "@/modules/dashboard/payments/stripe-payment-form";
import { formatMoney } from "@/lib/format";

export type PaymentMode = { kind: "sandbox" } | { kind: "stripe"; publishableKey: string } | { kind: "unavailable" };

export interface PayablePayment {
  id: string;
  type: "initial" | "milestone" | "final";
  amount: number;
  currency: string;
  status: "pending" | "in_progress" | "completed" | "failed" | "cancelled" | "refunded";
  /** The provider charge; set once the brand has initiated the payment. */
  transactionId: string | null;
}

/**
 * The brand's controls for one escrow payment: pay it (Stripe Elements, or the labelled
 * sandbox), confirm a sandbox charge, and release it once the deliverables it covers are
 * approved. The creator gets no controls here.
 */
export function PaymentActions({
  partnershipId,
  payment,
  mode,
  contractActive,
  releaseBlockedReason,
}: {
  partnershipId: string;
  payment: PayablePayment;
  mode: PaymentMode;
  contractActive: boolean;
  releaseBlockedReason: string | null;
}) {
  const [clientSecret, setClientSecret] = useState<string | null>(null);
  const initiate = useFormAction((input: unknown) => initiatePaymentAction(partnershipId, input), {
    schema: initiatePaymentBody,
    onSuccess: (result) => {
      if (!result.sandbox) setClientSecret(result.clientSecret);
    },
  });
  const resume = useFormAction(() => resumePaymentAction(partnershipId, payment.id), {
    refresh: false,
    onSuccess: (result) => {
      if (!result.sandbox) setClientSecret(result.clientSecret);
    },
  });
  const confirm = useFormAction(() => confirmSandboxPaymentAction(partnershipId, payment.id));
  const release = useFormAction(() => releasePaymentAction(partnershipId, payment.id));
  const amount = formatMoney(payment.amount, payment.currency);
  const sandbox = mode.kind === "sandbox";

  const awaitingPayment = payment.status === "failed" || (payment.status === "pending" && !payment.transactionId);
  const awaitingSandboxConfirmation = sandbox && payment.status === "pending" && payment.transactionId !== null;
  const awaitingStripe = mode.kind === "stripe" && payment.status === "pending" && payment.transactionId !== null;

  return (
    <div className="mt-2 space-y-2">
      {awaitingPayment ? (
        !contractActive ? (
          <p className="text-sm text-slate-600">You can pay once both parties have signed the contract.</p>
        ) : mode.kind === "unavailable" ? (
          <p className="text-sm text-slate-600">Card payments are not available right now.</p>
        ) : clientSecret && mode.kind === "stripe" ? null : (
          <Button
            type="button"
            data-testid="pay-payment"
            disabled={initiate.pending}
            onClick={() =>
              initiate.submit({ type: payment.type, amount: payment.amount, currency: payment.currency, paymentId: payment.id })
            }
          >
            {initiate.pending ? "Starting payment…" : sandbox ? `Pay (sandbox) ${amount}` : `Pay ${amount}`}
          </Button>
        )
      ) : null}
      {clientSecret && mode.kind === "stripe" && payment.status !== "in_progress" && payment.status !== "completed" ? (
        <StripePaymentForm
          publishableKey={mode.publishableKey}
          clientSecret={clientSecret}
          amountLabel={amount}
          settledText="It shows as held in escrow as soon as Stripe confirms it."
        />
      ) : awaitingStripe ? (
        <div className="space-y-2" data-testid="payment-awaiting-provider">
          <p className="text-sm text-slate-600">
            Payment started; it shows as held in escrow once Stripe confirms it. If you have not entered your card yet, continue below.
          </p>
          <Button
            type="button"
            variant="secondary"
            data-testid="resume-payment"
            disabled={resume.pending}
            onClick={() => resume.submit(undefined)}
          >
            {resume.pending ? "Opening the card form…" : `Continue paying ${amount}`}
          </Button>
        </div>
      ) : null}
      {awaitingSandboxConfirmation ? (
        <div className="rounded-md border border-dashed border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="mb-2">Sandbox: no card is charged. Confirming stands in for the card payment succeeding.</p>
          <Button type="button" data-testid="confirm-sandbox-payment" disabled={confirm.pending} onClick={() => confirm.submit(undefined)}>
            {confirm.pending ? "Confirming…" : "Confirm sandbox payment"}
          </Button>
        </div>
      ) : null}
      {payment.status === "in_progress" ? (
        <div className="space-y-1">
          <Button
            type="button"
            data-testid="release-payment"
            disabled={release.pending || releaseBlockedReason !== null}
            aria-describedby={releaseBlockedReason ? `release-blocked-${payment.id}` : undefined}
            onClick={() => release.submit(undefined)}
          >
            {release.pending ? "Releasing…" : `Release ${amount} to the creator`}
          </Button>
          {releaseBlockedReason ? (
            <p id={`release-blocked-${payment.id}`} className="text-sm text-slate-600">
              {releaseBlockedReason}
            </p>
          ) : null}
        </div>
      ) : null}
      <FormStatus
        state={initiate.state}
        pending={initiate.pending}
        pendingText="Starting the payment…"
        successText={sandbox ? "Sandbox payment started. Confirm it to hold the money in escrow." : undefined}
      />
      <FormStatus state={resume.state} pending={resume.pending} pendingText="Opening the card form…" />
      <FormStatus state={confirm.state} pending={confirm.pending} pendingText="Confirming the sandbox payment…" />
      <FormStatus state={release.state} pending={release.pending} pendingText="Releasing the payment…" />
    </div>
  );
}
