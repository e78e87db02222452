"use client";

import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { createPaymentAction } from "@/modules/dashboard/payments/actions";
import { optionalList, optionalNumber, optionalText } from "@/lib/forms/form-inputs";
import { CardSandboxPrompt } from "@/modules/dashboard/payments/card-sandbox-prompt";
import { MpesaSandboxPrompt } from "@/modules/dashboard/payments/mpesa-sandbox-prompt";
import { StripePaymentForm } from "@/modules/dashboard/payments/stripe-payment-form";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, RadioCards } from "@/components/ui/choice-group";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { AmountFields } from "@/modules/dashboard/payments/amount-fields";
import { useFormAction } from "@/lib/forms/use-form-action";
import { labelFor } from "@/lib/humanize";
import type { createPayment } from "@/lib/sponsorship/create-payment";
import type { UnpaidSponsorshipOption } from "@/lib/sponsorship/list-unpaid-sponsorships";
import { createPaymentBody, PAYMENT_METHODS } from "@/lib/sponsorship/schemas/payments";
import { formatMoney } from "@/lib/format";

type Method = (typeof PAYMENT_METHODS)[number];

const METHOD_HINTS: Record<Method, string> = {
  mpesa: "We send a payment request to your phone; you approve it with your M-Pesa PIN. KES only.",
  bank_transfer:
    "Transfer from your bank. We show the account and the reference to quote; if you already made the transfer, give us its reference.",
  paypal: "Pay from your PayPal account.",
  stripe: "Pay by debit or credit card.",
};

type Result = Awaited<ReturnType<typeof createPayment>>;

/** What the partner does, or waits for, after starting a payment by each method. */
function NextSteps({
  result,
  phone,
  bankReference,
  stripePublishableKey,
}: {
  result: Result;
  phone: string;
  bankReference: string;
  stripePublishableKey: string | null;
}) {
  const amount = formatMoney(result.amount, result.currency);
  return (
    <section
      aria-labelledby="next-steps-heading"
      className="rounded-lg border border-brand-500/40 bg-brand-50 p-5"
      data-testid="payment-next-steps"
      data-method={result.method}
    >
      <h2 id="next-steps-heading" className="text-lg font-semibold" tabIndex={-1}>
        {result.method === "mpesa" ? (result.sandbox ? "Answer the simulated prompt" : "Check your phone") : "Payment started"}
      </h2>
      <p className="mt-1 text-sm">{result.message}</p>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">Amount</dt>
        <dd className="font-medium" data-testid="payment-amount">
          {amount}
        </dd>
        <dt className="text-slate-600">Method</dt>
        <dd className="font-medium">{labelFor(result.method)}</dd>
        <dt className="text-slate-600">Our reference</dt>
        <dd className="font-mono font-medium break-all" data-testid="payment-reference">
          {result.payment_reference}
        </dd>
        <dt className="text-slate-600">Status</dt>
        <dd className="font-medium">Pending</dd>
      </dl>
      <div className="mt-3 space-y-2 text-sm">
        {result.method === "mpesa" && result.sandbox ? (
          <MpesaSandboxPrompt paymentId={result.id} amountLabel={amount} phone={phone} />
        ) : result.method === "mpesa" ? (
          <>
            <p>
              A payment request for <strong>{amount}</strong> has gone to <strong>{phone}</strong>. Unlock your phone and enter your M-Pesa
              PIN in the prompt to approve it. If no prompt arrives within a minute, check the number and try again.
            </p>
            <p>The payment turns to completed as soon as M-Pesa confirms it.</p>
            {result.checkout_request_id ? <p className="text-xs text-slate-600">M-Pesa request: {result.checkout_request_id}</p> : null}
          </>
        ) : result.method === "bank_transfer" ? (
          <>
            {bankReference ? (
              <p>
                We recorded your transfer with your bank reference <strong className="font-mono">{bankReference}</strong>. An administrator
                checks it against our bank statement and then marks the payment completed and its invoice paid; until then it shows as
                pending.
              </p>
            ) : (
              <p>
                Transfer <strong>{amount}</strong> to the account below and quote{" "}
                <strong className="font-mono">{result.payment_reference}</strong> as the reference, so that we can match it. An
                administrator then marks the payment completed and its invoice paid.
              </p>
            )}
            {result.bank_transfer ? (
              <div className="rounded-md border border-slate-200 bg-white p-3" data-testid="bank-transfer-instructions">
                {result.bank_transfer.sandbox ? (
                  <p className="mb-2 text-xs font-semibold text-amber-900">Demo details: do not send money to this account.</p>
                ) : null}
                <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
                  <dt className="text-slate-600">Bank</dt>
                  <dd className="font-medium">{result.bank_transfer.bank_name}</dd>
                  <dt className="text-slate-600">Account name</dt>
                  <dd className="font-medium">{result.bank_transfer.account_name}</dd>
                  <dt className="text-slate-600">Account number</dt>
                  <dd className="font-mono font-medium">{result.bank_transfer.account_number}</dd>
                  {result.bank_transfer.branch ? (
                    <>
                      <dt className="text-slate-600">Branch</dt>
                      <dd className="font-medium">{result.bank_transfer.branch}</dd>
                    </>
                  ) : null}
                  {result.bank_transfer.swift_code ? (
                    <>
                      <dt className="text-slate-600">SWIFT code</dt>
                      <dd className="font-mono font-medium">{result.bank_transfer.swift_code}</dd>
                    </>
                  ) : null}
                  <dt className="text-slate-600">Reference to quote</dt>
                  <dd className="font-mono font-medium">{result.bank_transfer.reference_to_quote}</dd>
                </dl>
              </div>
            ) : null}
          </>
        ) : result.method === "paypal" ? (
          <p>Complete the payment in PayPal. It shows as pending until PayPal confirms it to us.</p>
        ) : result.sandbox ? (
          <CardSandboxPrompt paymentId={result.id} amountLabel={amount} />
        ) : result.client_secret && stripePublishableKey ? (
          <StripePaymentForm
            publishableKey={stripePublishableKey}
            clientSecret={result.client_secret}
            amountLabel={amount}
            settledText="It shows as completed on your payments page as soon as Stripe confirms it."
          />
        ) : (
          <p>Your card payment is being confirmed. It shows as pending until the card payment is confirmed.</p>
        )}
        <p>An invoice for this payment is on your payments page.</p>
      </div>
    </section>
  );
}

/** Starts a payment by M-Pesa, bank transfer, PayPal or card, asking for what each method needs. */
export function PaymentForm({
  programs,
  sponsorships,
  stripePublishableKey,
}: {
  programs: Array<{ id: string; name: string }>;
  sponsorships: UnpaidSponsorshipOption[];
  stripePublishableKey: string | null;
}) {
  const [method, setMethod] = useState<Method>("mpesa");
  const [values, setValues] = useState({
    amount: "",
    currency: "KES",
    program_id: "",
    description: "",
    bank_reference: "",
    phone_number: "",
  });
  const [sponsorshipIds, setSponsorshipIds] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState({ phone: "", bankReference: "" });
  const headingRef = useRef<HTMLDivElement>(null);
  const { state, pending, submit, fieldErrors, reset } = useFormAction(createPaymentAction, {
    schema: createPaymentBody,
    onSuccess: () => requestAnimationFrame(() => headingRef.current?.querySelector<HTMLElement>("h2")?.focus()),
  });
  const set = (key: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  const currency = method === "mpesa" ? "KES" : values.currency;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted({ phone: values.phone_number.trim(), bankReference: values.bank_reference.trim() });
    submit({
      amount: optionalNumber(values.amount),
      currency,
      method,
      program_id: optionalText(values.program_id),
      sponsorship_ids: optionalList(sponsorshipIds),
      description: optionalText(values.description),
      bank_reference: method === "bank_transfer" ? optionalText(values.bank_reference) : undefined,
      phone_number: method === "mpesa" ? optionalText(values.phone_number) : undefined,
    });
  }

  function startAgain() {
    setValues({ amount: "", currency: "KES", program_id: "", description: "", bank_reference: "", phone_number: "" });
    setSponsorshipIds([]);
    reset();
  }

  if (state.status === "success") {
    return (
      <div className="space-y-4" ref={headingRef}>
        <NextSteps
          result={state.result}
          phone={submitted.phone}
          bankReference={submitted.bankReference}
          stripePublishableKey={stripePublishableKey}
        />
        <div className="flex flex-wrap items-center gap-3">
          <Link
            href={`/dashboard/payments/${state.result.id}`}
            className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
            data-testid="payment-page-link"
          >
            Follow this payment
          </Link>
          <Link
            href="/dashboard/payments"
            className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            View your payments
          </Link>
          <Button type="button" variant="secondary" onClick={startAgain}>
            Make another payment
          </Button>
        </div>
      </div>
    );
  }

  const amount = optionalNumber(values.amount);
  const payLabel =
    typeof amount === "number" && amount > 0 ? `Pay ${formatMoney(amount, currency)} by ${labelFor(method)}` : `Pay by ${labelFor(method)}`;
  const selectedTotal = sponsorships.filter((s) => sponsorshipIds.includes(s.id)).reduce((sum, s) => sum + s.amount, 0);

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Make a payment"
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <RadioCards
        legend="Payment method"
        name="method"
        value={method}
        onChange={(value) => setMethod(value as Method)}
        error={fieldErrors.method}
        choices={PAYMENT_METHODS.map((value) => ({ value, label: labelFor(value), hint: METHOD_HINTS[value] }))}
      />

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <AmountFields
          method={method}
          values={values}
          set={set}
          fieldErrors={fieldErrors}
          amountLabel="Amount"
          exampleAmount={150000}
          phoneHint="The Safaricom number that approves the payment, e.g. 0712 345 678 or +254 712 345 678."
        />
        {method === "bank_transfer" ? (
          <TextField
            label="Bank transfer reference (optional)"
            value={values.bank_reference}
            onChange={(event) => set("bank_reference")(event.target.value)}
            error={fieldErrors.bank_reference}
            hint="If you already made the transfer: the reference on your transfer slip or bank confirmation."
            maxLength={100}
          />
        ) : null}
      </div>

      <SelectField
        label="Program (optional)"
        value={values.program_id}
        onChange={(event) => set("program_id")(event.target.value)}
        placeholder="Not for a particular program"
        options={programs.map((program) => ({ value: program.id, label: program.name }))}
        error={fieldErrors.program_id}
      />

      {sponsorships.length > 0 ? (
        <CheckboxGroup
          legend="Sponsorships to fund (optional)"
          hint={
            sponsorshipIds.length
              ? `Selected sponsorships total ${formatMoney(selectedTotal, sponsorships[0].currency)}.`
              : "Pending sponsorships become active once payments that fund them in full complete. Sponsorships a pending payment already covers are not listed."
          }
          choices={sponsorships.map((s) => ({
            value: s.id,
            label:
              s.amount < s.total_amount
                ? `${s.student_name} – ${formatMoney(s.amount, s.currency)} still to pay of ${formatMoney(s.total_amount, s.currency)}`
                : `${s.student_name} – ${formatMoney(s.amount, s.currency)}`,
          }))}
          values={sponsorshipIds}
          onChange={setSponsorshipIds}
          error={fieldErrors.sponsorship_ids}
          scroll
        />
      ) : null}

      <TextAreaField
        label="Description (optional)"
        value={values.description}
        onChange={(event) => set("description")(event.target.value)}
        error={fieldErrors.description}
        maxLength={500}
      />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Starting payment…" : payLabel}
        </Button>
      </div>
      <FormStatus state={state} pending={pending} pendingText="Starting the payment…" />
    </form>
  );
}
