"use client";

import { useState, type FormEvent } from "react";
import { openDisputeAction } from "@/modules/workspace/partnerships/dispute-server-actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { MAX_EVIDENCE_URLS, openDisputeBody } from "@/lib/partnerships/schemas/disputes";

export type DisputeTarget = { deliverableId: string } | { paymentId: string };

/** One link a line; blank lines are ignored. */
const linesOf = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

/**
 * "Open dispute" on one deliverable or payment: the reason and links to evidence. Once
 * open, the money it concerns stays in escrow until the platform's team decides.
 */
export function OpenDisputeForm({ partnershipId, target, label }: { partnershipId: string; target: DisputeTarget; label: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [evidence, setEvidence] = useState("");
  const action = useFormAction((input: unknown) => openDisputeAction(partnershipId, input), {
    schema: openDisputeBody,
    onSuccess: () => {
      setOpen(false);
      setReason("");
      setEvidence("");
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const evidenceUrls = linesOf(evidence);
    action.submit({ ...target, reason, ...(evidenceUrls.length > 0 ? { evidenceUrls } : {}) });
  }

  if (!open) {
    return (
      <div className="mt-2 space-y-2">
        <Button type="button" variant="secondary" className="px-3 py-1" data-testid="open-dispute" onClick={() => setOpen(true)}>
          Open dispute
        </Button>
        <FormStatus state={action.state} pending={action.pending} />
      </div>
    );
  }
  const evidenceError = Object.entries(action.fieldErrors).find(([path]) => path.startsWith("evidenceUrls"))?.[1];
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Open a dispute on ${label}`}
      data-testid="open-dispute-form"
      className="mt-3 space-y-3 border-t border-slate-100 pt-3"
    >
      <TextAreaField
        label="What is in dispute?"
        name="reason"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        error={action.fieldErrors.reason}
        maxLength={5000}
        required
      />
      <TextAreaField
        label="Evidence links (optional)"
        name="evidenceUrls"
        hint={`One http or https link a line, up to ${MAX_EVIDENCE_URLS}.`}
        value={evidence}
        onChange={(event) => setEvidence(event.target.value)}
        error={evidenceError}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={action.pending}>
          {action.pending ? "Opening…" : "Open dispute"}
        </Button>
        <Button type="button" variant="secondary" disabled={action.pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      <FormStatus state={action.state} pending={action.pending} pendingText="Opening the dispute…" />
    </form>
  );
}
