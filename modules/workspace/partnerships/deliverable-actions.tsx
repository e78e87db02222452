"use client";

import { useRef, useState, type FormEvent } from "react";
import { approveDeliverableAction, requestRevisionAction, submitDeliverableAction } from "@/modules/workspace/partnerships/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";
import { TextField } from "@/components/ui/text-field";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { approveDeliverableBody, requestRevisionBody, submitVersionFields } from "@/lib/partnerships/schemas/deliverables";
import { ALLOWED_UPLOAD_EXTENSIONS, MAX_FILES_PER_VERSION, MAX_UPLOAD_MIB } from "@/lib/uploads/upload-kinds";

interface DeliverableState {
  id: string;
  description: string;
  status: "pending" | "in_progress" | "submitted" | "approved" | "rejected";
  submittedAt: string | null;
}

type Side = "creator" | "brand";

/**
 * The controls of one deliverable for the signed-in party: the creator submits (again,
 * after a revision request); the brand approves (feedback optional) or asks for changes
 * (feedback required). The last action's outcome stays visible after the page data
 * refreshes and the form it came from is gone.
 */
export function DeliverableActions({
  partnershipId,
  deliverable,
  previousLink,
  side,
  active,
}: {
  partnershipId: string;
  deliverable: DeliverableState;
  /** The last version's link, offered again on resubmission. */
  previousLink: string | null;
  side: Side;
  active: boolean;
}) {
  const [submissionUrl, setSubmissionUrl] = useState(previousLink ?? "");
  const fileInput = useRef<HTMLInputElement>(null);
  const [notes, setNotes] = useState("");
  const [feedback, setFeedback] = useState("");
  const [last, setLast] = useState<"submit" | "approve" | "revise">("submit");
  const submitAction = useFormAction(
    (input: unknown) => {
      const files = new FormData();
      for (const file of Array.from(fileInput.current?.files ?? [])) files.append("files", file);
      return submitDeliverableAction(partnershipId, deliverable.id, input, files);
    },
    {
      schema: submitVersionFields,
      onSuccess: () => {
        setNotes("");
        if (fileInput.current) fileInput.current.value = "";
      },
    },
  );
  const approve = useFormAction((input: unknown) => approveDeliverableAction(partnershipId, deliverable.id, input), {
    schema: approveDeliverableBody,
    onSuccess: () => setFeedback(""),
  });
  const revise = useFormAction((input: unknown) => requestRevisionAction(partnershipId, deliverable.id, input), {
    schema: requestRevisionBody,
    onSuccess: () => setFeedback(""),
  });
  const current = { submit: submitAction, approve, revise }[last];
  const pending = submitAction.pending || approve.pending || revise.pending;

  const canSubmit = active && side === "creator" && (deliverable.status === "pending" || deliverable.status === "in_progress");
  const canReview = active && side === "brand" && deliverable.status === "submitted";
  const resubmit = deliverable.status === "in_progress" && deliverable.submittedAt !== null;

  function start(action: typeof last) {
    setLast(action);
    for (const [name, hook] of Object.entries({ submit: submitAction, approve, revise })) if (name !== action) hook.reset();
  }

  function onSubmitWork(event: FormEvent) {
    event.preventDefault();
    start("submit");
    submitAction.submit({ ...(submissionUrl.trim() ? { submissionUrl } : {}), ...(notes.trim() ? { notes } : {}) });
  }

  function onReview(event: FormEvent) {
    event.preventDefault();
    const intent = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value === "revise" ? "revise" : "approve";
    start(intent);
    if (intent === "approve") approve.submit(feedback.trim() ? { feedback } : {});
    else revise.submit({ feedback });
  }

  const status = (
    <FormStatus
      state={current.state}
      pending={pending}
      pendingText={{ submit: "Submitting…", approve: "Approving…", revise: "Requesting a revision…" }[last]}
    />
  );

  if (canSubmit) {
    return (
      <form
        onSubmit={onSubmitWork}
        noValidate
        className="mt-3 space-y-3 border-t border-slate-100 pt-3"
        aria-label={`${resubmit ? "Resubmit" : "Submit"} “${deliverable.description}”`}
        data-testid="submit-deliverable-form"
      >
        <TextField
          label="Submission URL"
          type="url"
          inputMode="url"
          name="submissionUrl"
          placeholder="https://"
          hint="An https link to the published post or the draft for review. Optional when you attach files."
          value={submissionUrl}
          onChange={(event) => setSubmissionUrl(event.target.value)}
          error={submitAction.fieldErrors.submissionUrl}
        />
        <Field
          label="Files (optional)"
          error={submitAction.fieldErrors.files}
          hint={`Up to ${MAX_FILES_PER_VERSION} files of at most ${MAX_UPLOAD_MIB} MB each: images (PNG, JPEG, WebP, GIF), videos (MP4, QuickTime) or PDF.`}
        >
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              ref={fileInput}
              type="file"
              name="files"
              multiple
              accept={ALLOWED_UPLOAD_EXTENSIONS}
              aria-invalid={invalid}
              aria-describedby={describedBy}
              className="block w-full min-w-0 text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
            />
          )}
        </Field>
        <TextAreaField
          label="Notes (optional)"
          name="notes"
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
          error={submitAction.fieldErrors.notes}
          maxLength={5000}
        />
        <Button type="submit" disabled={pending}>
          {submitAction.pending ? "Submitting…" : resubmit ? "Resubmit deliverable" : "Submit deliverable"}
        </Button>
        {status}
      </form>
    );
  }

  if (canReview) {
    return (
      <form
        onSubmit={onReview}
        noValidate
        className="mt-3 space-y-3 border-t border-slate-100 pt-3"
        aria-label={`Review “${deliverable.description}”`}
        data-testid="review-deliverable-form"
      >
        <TextAreaField
          label="Feedback"
          name="feedback"
          hint="Optional when approving; required when requesting a revision."
          value={feedback}
          onChange={(event) => setFeedback(event.target.value)}
          error={last === "revise" ? revise.fieldErrors.feedback : approve.fieldErrors.feedback}
          maxLength={5000}
        />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="approve" disabled={pending}>
            {approve.pending ? "Approving…" : "Approve deliverable"}
          </Button>
          <Button type="submit" name="intent" value="revise" variant="secondary" disabled={pending}>
            {revise.pending ? "Requesting…" : "Request revision"}
          </Button>
        </div>
        {status}
      </form>
    );
  }

  return <div className="mt-2">{status}</div>;
}
