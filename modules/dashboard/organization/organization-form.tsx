"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import type { ActionState } from "@/lib/forms/action-state";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { OrganizationDetails } from "@/lib/billing/get-organization-details";
import { organizationDetailsBody } from "@/lib/billing/schemas/organization";

/** The legal details printed on documents, for a partner's own organisation or (for admins) the issuer. */
export function OrganizationForm({
  details,
  action,
  subject,
}: {
  details: OrganizationDetails;
  action: (input: unknown) => Promise<ActionState<OrganizationDetails>>;
  /** Who the details belong to, as the form's accessible name says ("your organisation"). */
  subject: string;
}) {
  const [values, setValues] = useState({
    legal_name: details.legal_name ?? "",
    address: details.address ?? "",
    kra_pin: details.kra_pin ?? "",
    billing_email: details.billing_email ?? "",
  });
  const { state, pending, submit, fieldErrors } = useFormAction(action, {
    schema: organizationDetailsBody,
    onSuccess: (saved) =>
      setValues({
        legal_name: saved.legal_name ?? "",
        address: saved.address ?? "",
        kra_pin: saved.kra_pin ?? "",
        billing_email: saved.billing_email ?? "",
      }),
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [key]: event.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit(values);
  }

  return (
    <form onSubmit={onSubmit} aria-label={`Document details of ${subject}`} className="max-w-xl space-y-4" noValidate>
      <TextField
        label="Legal name"
        name="legal_name"
        value={values.legal_name}
        onChange={set("legal_name")}
        error={fieldErrors.legal_name}
        hint={`The registered name on invoices and receipts. Left empty, documents show ${details.name}.`}
        autoComplete="organization"
        maxLength={200}
      />
      <TextAreaField
        label="Address"
        name="address"
        value={values.address}
        onChange={set("address")}
        error={fieldErrors.address}
        hint="Postal and physical address, e.g. P.O. Box 12345-00100, Nairobi."
        rows={3}
        maxLength={500}
      />
      <TextField
        label="KRA PIN"
        name="kra_pin"
        value={values.kra_pin}
        onChange={set("kra_pin")}
        error={fieldErrors.kra_pin}
        hint="A letter, 9 digits and a letter, e.g. P051234567X."
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={11}
        className="font-mono uppercase"
      />
      <TextField
        label="Billing email"
        name="billing_email"
        type="email"
        value={values.billing_email}
        onChange={set("billing_email")}
        error={fieldErrors.billing_email}
        hint="Where invoices and receipts go."
        autoComplete="email"
      />
      <p className="text-sm text-slate-600">
        Account code <span className="font-mono font-medium text-ink">{details.account_code}</span>: it names the series of invoice and
        receipt numbers, such as INV-{details.account_code}-2026-0001.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
        <FormStatus state={state} pending={pending} successText="Saved. Documents issued from now on carry these details." />
      </div>
    </form>
  );
}
