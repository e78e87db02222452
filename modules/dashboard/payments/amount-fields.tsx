"use client";

import { CurrencyField } from "@/components/ui/currency-field";
import { TextField } from "@/components/ui/text-field";
import { formatMoney } from "@/lib/format";

/**
 * The amount, its currency (KES for M-Pesa) and, for M-Pesa, the phone to prompt: the
 * same fields in the payment form and the standing order form.
 */
export function AmountFields({
  method,
  values,
  set,
  fieldErrors,
  amountLabel,
  exampleAmount,
  phoneHint,
}: {
  method: string;
  values: { amount: string; currency: string; phone_number: string };
  set: (key: "amount" | "currency" | "phone_number") => (value: string) => void;
  fieldErrors: Partial<Record<string, string>>;
  amountLabel: string;
  exampleAmount: number;
  phoneHint: string;
}) {
  const currency = method === "mpesa" ? "KES" : values.currency;
  return (
    <>
      <TextField
        label={amountLabel}
        inputMode="numeric"
        value={values.amount}
        onChange={(event) => set("amount")(event.target.value)}
        error={fieldErrors.amount}
        hint={`Whole units, e.g. ${exampleAmount} is ${formatMoney(exampleAmount, currency)}.`}
      />
      {method === "mpesa" ? (
        <TextField
          label="Currency"
          value="KES – Kenyan shilling"
          readOnly
          hint="M-Pesa payments are in KES."
          error={fieldErrors.currency}
        />
      ) : (
        <CurrencyField value={values.currency} onChange={set("currency")} error={fieldErrors.currency} />
      )}
      {method === "mpesa" ? (
        <TextField
          label="M-Pesa phone number"
          type="tel"
          autoComplete="tel"
          placeholder="0712 345 678"
          value={values.phone_number}
          onChange={(event) => set("phone_number")(event.target.value)}
          error={fieldErrors.phone_number}
          hint={phoneHint}
        />
      ) : null}
    </>
  );
}
