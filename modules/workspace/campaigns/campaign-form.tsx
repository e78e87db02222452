"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createCampaignBody } from "@/lib/partnerships/schemas/campaigns";
import { createCampaignAction } from "@/modules/workspace/campaigns/actions";

const blankAsAbsent = (value: string) => (value.trim() === "" ? undefined : value);

export function CampaignForm({ currencies }: { currencies: readonly string[] }) {
  const router = useRouter();
  const [values, setValues] = useState({ name: "", description: "", amount: "", currency: "USD", startDate: "", endDate: "" });
  const create = useFormAction(createCampaignAction, {
    schema: createCampaignBody,
    onSuccess: (result) => router.push(`/workspace/campaigns/${result.id}`),
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: event.target.value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.submit({
      name: values.name,
      ...(values.description.trim() ? { description: values.description } : {}),
      budget: { amount: values.amount.trim() === "" ? undefined : Number(values.amount), currency: values.currency },
      startDate: blankAsAbsent(values.startDate),
      endDate: blankAsAbsent(values.endDate),
    });
  }

  const error = create.fieldErrors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="New campaign" data-testid="campaign-form">
      <TextField label="Name" name="name" value={values.name} onChange={set("name")} error={error.name} maxLength={200} />
      <TextAreaField
        label="Description (optional)"
        name="description"
        rows={2}
        value={values.description}
        onChange={set("description")}
        error={error.description}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Budget"
          name="amount"
          inputMode="decimal"
          value={values.amount}
          onChange={set("amount")}
          error={error["budget.amount"]}
          hint="What the campaign may commit to creators."
        />
        <SelectField
          label="Currency"
          name="currency"
          options={currencies.map((c) => ({ value: c, label: c }))}
          value={values.currency}
          onChange={set("currency")}
          error={error["budget.currency"]}
        />
        <TextField
          label="Starts (optional)"
          name="startDate"
          type="date"
          value={values.startDate}
          onChange={set("startDate")}
          error={error.startDate}
        />
        <TextField
          label="Ends (optional)"
          name="endDate"
          type="date"
          value={values.endDate}
          onChange={set("endDate")}
          error={error.endDate}
        />
      </div>
      <Button type="submit" disabled={create.pending}>
        {create.pending ? "Creating…" : "Create campaign"}
      </Button>
      <FormStatus state={create.state} pending={create.pending} pendingText="Creating the campaign…" />
    </form>
  );
}
