"use client";

import { useState, type FormEvent } from "react";
import { terminatePartnershipAction } from "@/modules/workspace/partnerships/dispute-server-actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";
import { formatMoney } from "@/lib/format";
import { useFormAction } from "@/lib/forms/use-form-action";
import type { TerminationPreview } from "@/lib/partnerships/get-termination-preview";
import { terminatePartnershipBody } from "@/lib/partnerships/schemas/termination";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What ending the partnership now does, in the words of the confirm step. */
function consequences(preview: TerminationPreview): string[] {
  const lines: string[] = [];
  const money = (amount: number) => formatMoney(amount, preview.currency);
  if (preview.refunded.count > 0)
    lines.push(`${money(preview.refunded.amount)} held in escrow (${plural(preview.refunded.count, "payment")}) is refunded to the brand.`);
  if (preview.released.count > 0)
    lines.push(
      `${money(preview.released.amount)} for approved work (${plural(preview.released.count, "payment")}) is released to the creator.`,
    );
  if (preview.cancelled.count > 0)
    lines.push(
      `${plural(preview.cancelled.count, "unpaid payment")} (${money(preview.cancelled.amount)}) ${preview.cancelled.count === 1 ? "is" : "are"} cancelled.`,
    );
  if (preview.unfinishedDeliverables > 0)
    lines.push(
      `${plural(preview.unfinishedDeliverables, "deliverable")} not yet approved ${preview.unfinishedDeliverables === 1 ? "is" : "are"} closed as rejected.`,
    );
  lines.push("The contract is terminated. This cannot be undone.");
  return lines;
}

/** "End partnership": the reason, then a confirm step that says what happens to the money and the work. */
export function EndPartnership({ partnershipId, preview }: { partnershipId: string; preview: TerminationPreview }) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const end = useFormAction((input: unknown) => terminatePartnershipAction(partnershipId, input), { schema: terminatePartnershipBody });

  if (preview.openDisputes > 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="end-partnership-blocked">
        The partnership cannot be ended while a dispute is open: the dispute decides where its money goes first.
      </p>
    );
  }
  if (!open) {
    return (
      <Button type="button" variant="secondary" data-testid="end-partnership" onClick={() => setOpen(true)}>
        End partnership
      </Button>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!confirming) {
      const parsed = terminatePartnershipBody.safeParse({ reason });
      if (parsed.success) setConfirming(true);
      else end.submit({ reason });
      return;
    }
    end.submit({ reason });
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="End partnership"
      data-testid="end-partnership-form"
      className="space-y-3 rounded-lg border border-rose-200 bg-rose-50/40 p-4"
    >
      <TextAreaField
        label="Why are you ending it?"
        name="reason"
        hint="Both parties see the reason in the activity log."
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setConfirming(false);
        }}
        error={end.fieldErrors.reason}
        maxLength={2000}
        required
      />
      {confirming ? (
        <div role="alert" className="rounded-md border border-rose-300 bg-white p-3 text-sm" data-testid="end-partnership-consequences">
          <p className="font-medium">Ending the partnership now:</p>
          <ul className="mt-1 list-disc pl-5">
            {consequences(preview).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={confirming ? "danger" : "primary"} disabled={end.pending} data-testid="end-partnership-submit">
          {end.pending ? "Ending…" : confirming ? "Confirm: end partnership" : "Continue"}
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={end.pending}
          onClick={() => {
            setOpen(false);
            setConfirming(false);
            end.reset();
          }}
        >
          Keep the partnership
        </Button>
      </div>
      <FormStatus state={end.state} pending={end.pending} pendingText="Ending the partnership…" />
    </form>
  );
}
