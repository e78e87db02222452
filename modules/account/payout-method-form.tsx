"use client";

import { useState, type FormEvent } from "react";
import { setPayoutMethodAction } from "@/modules/account/payout-actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { payoutMethodBody, type PayoutMethodResponse } from "@/lib/payouts/schemas/payout-method";
import { useFormAction } from "@/lib/forms/use-form-action";

/** The creator's payout method: Stripe (US, UK, EEA, Canada, Switzerland) or M-Pesa (Kenya, KES). */
export function PayoutMethodForm({ current }: { current: PayoutMethodResponse }) {
  const [method, setMethod] = useState<"stripe" | "mpesa">(current.method ?? (current.country === "KE" ? "mpesa" : "stripe"));
  const { state, pending, submit, fieldErrors } = useFormAction(setPayoutMethodAction, { schema: payoutMethodBody });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    submit({
      method,
      country: method === "mpesa" ? "KE" : (text("country") ?? ""),
      ...(method === "mpesa" ? { mpesaPhone: text("mpesaPhone") } : { stripeAccountId: text("stripeAccountId") }),
    });
  }
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Paid by</legend>
        {(["mpesa", "stripe"] as const).map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
            <input type="radio" name="method" value={value} checked={method === value} onChange={() => setMethod(value)} />
            {value === "mpesa" ? "M-Pesa (Kenyan number, paid in KES)" : "Stripe connected account (US, UK, EEA, Canada, Switzerland)"}
          </label>
        ))}
      </fieldset>
      {method === "mpesa" ? (
        <TextField
          label="M-Pesa number"
          name="mpesaPhone"
          type="tel"
          autoComplete="tel"
          defaultValue={current.mpesaPhone ?? ""}
          hint="A Safaricom number, such as 0712 345 678."
          error={fieldErrors.mpesaPhone}
          required
        />
      ) : (
        <>
          <TextField
            label="Country of the account"
            name="country"
            defaultValue={current.method === "stripe" ? (current.country ?? "") : ""}
            hint="Two letters, such as US or DE."
            error={fieldErrors.country}
            maxLength={2}
            required
          />
          <TextField
            label="Stripe account id"
            name="stripeAccountId"
            defaultValue={current.stripeAccountId ?? ""}
            hint="Starts with acct_."
            error={fieldErrors.stripeAccountId}
            required
          />
        </>
      )}
      <Button type="submit" disabled={pending}>
        Save payout method
      </Button>
      <FormStatus state={state} pending={pending} pendingText="Saving…" />
    </form>
  );
}
