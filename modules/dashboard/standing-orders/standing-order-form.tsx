"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, RadioCards } from "@/components/ui/choice-group";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { AmountFields } from "@/modules/dashboard/payments/amount-fields";
import { formatMoney } from "@/lib/format";
import { optionalList, optionalNumber, optionalText } from "@/lib/forms/form-inputs";
import { useFormAction } from "@/lib/forms/use-form-action";
import { labelFor } from "@/lib/humanize";
import type { UnpaidSponsorshipOption } from "@/lib/sponsorship/list-unpaid-sponsorships";
import { createStandingOrderBody, STANDING_ORDER_FREQUENCIES, STANDING_ORDER_METHODS } from "@/lib/standing-orders/schemas";
import { createStandingOrderAction } from "@/modules/dashboard/standing-orders/actions";

type Method = (typeof STANDING_ORDER_METHODS)[number];
type Frequency = (typeof STANDING_ORDER_FREQUENCIES)[number];
type Target = "program" | "sponsorships";

const METHOD_HINTS: Record<Method, string> = {
  mpesa: "On each due date we send a payment request to your phone; you approve it with your M-Pesa PIN. KES only.",
  bank_transfer: "On each due date we raise the invoice and show the account and the reference to quote on your transfer.",
};

const FREQUENCY_HINTS: Record<Frequency, string> = {
  monthly: "Every month on the start date's day (the month's last day in shorter months).",
  quarterly: "Every three months on the start date's day.",
  yearly: "Every year on the start date.",
};

/** Sets up a standing order for a program or a set of sponsorships. */
export function StandingOrderForm({
  programs,
  sponsorships,
  today,
}: {
  programs: Array<{ id: string; name: string }>;
  sponsorships: UnpaidSponsorshipOption[];
  /** Today's UTC date, the earliest start date. */
  today: string;
}) {
  const router = useRouter();
  const [target, setTarget] = useState<Target>(programs.length || !sponsorships.length ? "program" : "sponsorships");
  const [method, setMethod] = useState<Method>("mpesa");
  const [frequency, setFrequency] = useState<Frequency>("monthly");
  const [sponsorshipIds, setSponsorshipIds] = useState<string[]>([]);
  const [values, setValues] = useState({
    description: "",
    program_id: "",
    amount: "",
    currency: "KES",
    phone_number: "",
    start_date: today,
    end_date: "",
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const currency = method === "mpesa" ? "KES" : values.currency;
  const { state, pending, submit, fieldErrors } = useFormAction(createStandingOrderAction, {
    schema: createStandingOrderBody,
    refresh: false,
    onSuccess: (result) => router.push(`/dashboard/payments/standing-orders/${result.id}`),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({
      description: values.description.trim(),
      method,
      phone_number: method === "mpesa" ? optionalText(values.phone_number) : undefined,
      program_id: target === "program" ? optionalText(values.program_id) : undefined,
      sponsorship_ids: target === "sponsorships" ? optionalList(sponsorshipIds) : undefined,
      amount: optionalNumber(values.amount),
      currency,
      frequency,
      start_date: values.start_date,
      end_date: optionalText(values.end_date),
    });
  }

  const targetError = fieldErrors.program_id ?? fieldErrors.sponsorship_ids;

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Set up a standing order"
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <TextField
        label="Description"
        value={values.description}
        onChange={(event) => set("description")(event.target.value)}
        error={fieldErrors.description}
        hint="Shown on every payment and invoice, e.g. Monthly school fees."
        maxLength={200}
      />

      <RadioCards
        legend="What it pays for"
        name="target"
        value={target}
        onChange={(value) => setTarget(value as Target)}
        choices={[
          { value: "program", label: "A program", hint: "The amount funds the program on each due date." },
          {
            value: "sponsorships",
            label: "Sponsorships",
            hint: "Pays towards the sponsorships chosen, never more than they still need; once all are funded, runs are skipped.",
          },
        ]}
      />

      {target === "program" ? (
        <SelectField
          label="Program"
          value={values.program_id}
          onChange={(event) => set("program_id")(event.target.value)}
          placeholder="Choose a program"
          options={programs.map((program) => ({ value: program.id, label: program.name }))}
          error={targetError}
        />
      ) : sponsorships.length ? (
        <CheckboxGroup
          legend="Sponsorships to fund"
          hint="Your pending sponsorships still short of their amount."
          choices={sponsorships.map((s) => ({
            value: s.id,
            label: `${s.student_name} – ${formatMoney(s.amount, s.currency)} still to pay of ${formatMoney(s.total_amount, s.currency)}`,
          }))}
          values={sponsorshipIds}
          onChange={setSponsorshipIds}
          error={targetError}
          scroll
        />
      ) : (
        <p className="text-sm text-slate-600" role="status">
          None of your sponsorships is waiting for money. Choose a program instead.
        </p>
      )}

      <RadioCards
        legend="Payment method"
        name="method"
        value={method}
        onChange={(value) => setMethod(value as Method)}
        error={fieldErrors.method}
        choices={STANDING_ORDER_METHODS.map((value) => ({ value, label: labelFor(value), hint: METHOD_HINTS[value] }))}
      />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <AmountFields
          method={method}
          values={values}
          set={set}
          fieldErrors={fieldErrors}
          amountLabel="Amount each time"
          exampleAmount={25000}
          phoneHint="The Safaricom number prompted on each due date."
        />
      </div>

      <RadioCards
        legend="How often"
        name="frequency"
        value={frequency}
        onChange={(value) => setFrequency(value as Frequency)}
        error={fieldErrors.frequency}
        choices={STANDING_ORDER_FREQUENCIES.map((value) => ({ value, label: labelFor(value), hint: FREQUENCY_HINTS[value] }))}
      />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <TextField
          label="First payment on"
          type="date"
          min={today}
          value={values.start_date}
          onChange={(event) => set("start_date")(event.target.value)}
          error={fieldErrors.start_date}
          hint="Today or later. Dates are calendar days in UTC."
        />
        <TextField
          label="Last payment by (optional)"
          type="date"
          min={values.start_date || today}
          value={values.end_date}
          onChange={(event) => set("end_date")(event.target.value)}
          error={fieldErrors.end_date}
          hint="Leave empty to keep paying until you cancel."
        />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Setting up…" : "Set up standing order"}
        </Button>
      </div>
      <FormStatus state={state} pending={pending} pendingText="Setting up the standing order…" />
    </form>
  );
}
