"use client";

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { Stripe } from "@stripe/stripe-js";
// The pure entry adds Stripe.js to the page only when a card form asks for it, never on import.
import { loadStripe } from "@stripe/stripe-js/pure";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/form-status";

const stripes = new Map<string, Promise<Stripe | null>>();

/** One Stripe.js instance per publishable key, loaded on first use. */
function stripeFor(publishableKey: string): Promise<Stripe | null> {
  let stripe = stripes.get(publishableKey);
  if (!stripe) {
    stripe = loadStripe(publishableKey);
    stripes.set(publishableKey, stripe);
  }
  return stripe;
}

/**
 * Card entry for a Stripe PaymentIntent. Stripe's webhook, not this form, settles the
 * payment; `settledText` says where the reader will see that happen.
 */
export function StripePaymentForm({
  publishableKey,
  clientSecret,
  amountLabel,
  settledText,
}: {
  publishableKey: string;
  clientSecret: string;
  amountLabel: string;
  settledText: string;
}) {
  return (
    <Elements stripe={stripeFor(publishableKey)} options={{ clientSecret }}>
      <CardForm amountLabel={amountLabel} settledText={settledText} />
    </Elements>
  );
}

type Status = { kind: "idle" } | { kind: "pending" } | { kind: "done"; message: string } | { kind: "error"; message: string };

function CardForm({ amountLabel, settledText }: { amountLabel: string; settledText: string }) {
  const stripe = useStripe();
  const elements = useElements();
  const router = useRouter();
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setStatus({ kind: "pending" });
    const { error, paymentIntent } = await stripe.confirmPayment({
      elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    });
    if (error) {
      setStatus({ kind: "error", message: error.message ?? "The payment did not go through. Nothing was charged; please try again." });
      return;
    }
    setStatus({
      kind: "done",
      message: paymentIntent?.status === "succeeded" ? `Payment received. ${settledText}` : `Payment submitted. ${settledText}`,
    });
    router.refresh();
  }

  const pending = status.kind === "pending";
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-md border border-slate-200 p-3" aria-label={`Card payment of ${amountLabel}`}>
      <PaymentElement />
      <Button type="submit" data-testid="stripe-submit" disabled={!stripe || !elements || pending || status.kind === "done"}>
        {pending ? "Paying…" : `Pay ${amountLabel}`}
      </Button>
      <div aria-live="polite" role="status" className="text-sm">
        {pending ? (
          <p className="flex items-center gap-2 text-slate-600">
            <Spinner /> Confirming the payment with Stripe…
          </p>
        ) : status.kind === "error" ? (
          <p className="rounded-md bg-red-50 p-3 text-red-800">{status.message}</p>
        ) : status.kind === "done" ? (
          <p className="rounded-md bg-emerald-50 p-3 text-emerald-800">{status.message}</p>
        ) : null}
      </div>
    </form>
  );
}
