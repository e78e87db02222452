"use client";

import { useState, type FormEvent } from "react";
import { resolveUnappliedMoneyAction } from "@/modules/admin/unapplied-money-actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { resolveUnappliedMoneyBody } from "@/lib/sponsorship/schemas/unapplied-money";

/** Marks unapplied money settled, with what was done with it. */
export function ResolveUnappliedMoneyForm({ eventId }: { eventId: string }) {
  const [note, setNote] = useState("");
  const resolve = useFormAction((input: unknown) => resolveUnappliedMoneyAction(eventId, input), { schema: resolveUnappliedMoneyBody });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    resolve.submit({ note });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-wrap items-end gap-2" aria-label="Mark this money settled">
      <div className="min-w-64 flex-1">
        <TextField
          label="What was done with it"
          name="note"
          hint="For example: reversed to the payer, M-Pesa reversal QKX…"
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={resolve.fieldErrors.note}
          maxLength={500}
          required
        />
      </div>
      <Button type="submit" variant="secondary" disabled={resolve.pending}>
        {resolve.pending ? "Saving…" : "Mark settled"}
      </Button>
      <FormStatus state={resolve.state} pending={resolve.pending} pendingText="Saving…" />
    </form>
  );
}
