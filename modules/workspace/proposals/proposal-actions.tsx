"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { acceptProposalAction, rejectProposalAction, sendProposalAction } from "@/modules/workspace/proposals/actions";
import { rejectWithReason } from "./proposal-form";

const LINK_BUTTON =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

/** Accept, counter or reject (with a reason) a received proposal that is waiting for an answer. */
export function RecipientActions({ proposalId, open }: { proposalId: string; open: boolean }) {
  const accept = useFormAction(() => acceptProposalAction(proposalId));
  const reject = useFormAction((input: { reason: string }) => rejectProposalAction(proposalId, input), { schema: rejectWithReason });
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const busy = accept.pending || reject.pending;

  function onReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reject.submit({ reason });
  }

  return (
    <section
      aria-labelledby="respond-heading"
      className="space-y-3 rounded-lg border border-brand-500 bg-white p-4"
      data-testid="recipient-actions"
    >
      <h2 id="respond-heading" className="text-lg font-semibold">
        Your answer
      </h2>
      {open ? (
        <>
          <p className="text-sm text-slate-600">
            Accept to start the partnership, send back a counter-proposal with your changes, or reject it with a reason.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" onClick={() => accept.submit(undefined)} disabled={busy}>
              Accept
            </Button>
            <Link href={`/workspace/proposals/${proposalId}/counter`} className={LINK_BUTTON}>
              Counter
            </Link>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setRejecting(true)}
              disabled={busy || rejecting}
              aria-expanded={rejecting}
              aria-controls="reject-form"
            >
              Reject
            </Button>
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-600">You have answered this proposal.</p>
      )}
      <FormStatus state={accept.state} pending={accept.pending} pendingText="Accepting the proposal…" />
      {open && rejecting ? (
        <form
          id="reject-form"
          onSubmit={onReject}
          noValidate
          className="space-y-3 rounded-md border border-slate-200 p-3"
          data-testid="reject-form"
        >
          <TextAreaField
            label="Reason for rejecting"
            hint="The sender sees this reason."
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={reject.fieldErrors.reason}
            maxLength={2000}
            autoFocus
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              Reject proposal
            </Button>
            <Button type="button" variant="secondary" onClick={() => setRejecting(false)} disabled={busy}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      <FormStatus state={reject.state} pending={reject.pending} pendingText="Rejecting the proposal…" />
    </section>
  );
}

/** Edit or send the sender's own draft. */
export function DraftActions({ proposalId, isDraft }: { proposalId: string; isDraft: boolean }) {
  const send = useFormAction(() => sendProposalAction(proposalId));
  return (
    <section
      aria-labelledby="draft-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="draft-actions"
    >
      <h2 id="draft-heading" className="text-lg font-semibold">
        {isDraft ? "Draft" : "Waiting for an answer"}
      </h2>
      {isDraft ? (
        <>
          <p className="text-sm text-slate-600">
            Only you can see this draft. Send it when it is ready; after that it can no longer be edited.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href={`/workspace/proposals/${proposalId}/edit`} className={LINK_BUTTON}>
              Edit
            </Link>
            <Button type="button" onClick={() => send.submit(undefined)} disabled={send.pending}>
              Send
            </Button>
          </div>
        </>
      ) : (
        <p className="text-sm text-slate-600">The recipient can accept it, counter it or reject it.</p>
      )}
      <FormStatus state={send.state} pending={send.pending} pendingText="Sending the proposal…" />
    </section>
  );
}
