"use client";

import { useState, type FormEvent } from "react";
import { resolveDisputeAction } from "@/modules/admin/dispute-actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { formatMoney } from "@/lib/format";
import { useFormAction } from "@/lib/forms/use-form-action";
import { resolveDisputeBody } from "@/lib/partnerships/schemas/disputes";

const OUTCOMES = [
  { value: "release", label: "Release to the creator" },
  { value: "refund", label: "Refund the brand" },
  { value: "split", label: "Split between them" },
] as const;

/** An admin's decision on one open dispute: the outcome, the creator's share for a split, and the note both parties read. */
export function ResolveDisputeForm({
  partnershipId,
  disputeId,
  disputedAmount,
  currency,
}: {
  partnershipId: string;
  disputeId: string;
  disputedAmount: number;
  currency: string;
}) {
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]["value"]>("release");
  const [creatorAmount, setCreatorAmount] = useState("");
  const [note, setNote] = useState("");
  const resolve = useFormAction((input: unknown) => resolveDisputeAction(partnershipId, disputeId, input), { schema: resolveDisputeBody });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const amount = creatorAmount.trim() === "" ? undefined : Number(creatorAmount);
    resolve.submit({ outcome, note, ...(outcome === "split" ? { creatorAmount: amount } : {}) });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Resolve the dispute" data-testid="resolve-dispute-form">
      <SelectField
        label="Outcome"
        name="outcome"
        options={OUTCOMES}
        value={outcome}
        onChange={(event) => setOutcome(event.target.value as typeof outcome)}
        error={resolve.fieldErrors.outcome}
      />
      {outcome === "split" ? (
        <TextField
          label={`Creator's share (${currency})`}
          name="creatorAmount"
          inputMode="decimal"
          hint={`More than 0 and less than the ${formatMoney(disputedAmount, currency)} in escrow; the rest is refunded to the brand.`}
          value={creatorAmount}
          onChange={(event) => setCreatorAmount(event.target.value)}
          error={resolve.fieldErrors.creatorAmount}
          required
        />
      ) : null}
      <TextAreaField
        label="Note to both parties"
        name="note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={resolve.fieldErrors.note}
        maxLength={5000}
        required
      />
      <Button type="submit" disabled={resolve.pending}>
        {resolve.pending ? "Resolving…" : "Resolve dispute"}
      </Button>
      <FormStatus state={resolve.state} pending={resolve.pending} pendingText="Resolving the dispute…" />
    </form>
  );
}
