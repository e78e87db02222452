"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextAreaField } from "@/components/ui/textarea-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { deliverableCommentBody } from "@/lib/partnerships/schemas/deliverables";
import { commentOnDeliverableAction } from "@/modules/workspace/partnerships/actions";

export function DeliverableCommentForm({ partnershipId, deliverableId }: { partnershipId: string; deliverableId: string }) {
  const [body, setBody] = useState("");
  const comment = useFormAction((input: unknown) => commentOnDeliverableAction(partnershipId, deliverableId, input), {
    schema: deliverableCommentBody,
    onSuccess: () => setBody(""),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    comment.submit({ body });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 space-y-2" aria-label="Add a comment" data-testid="comment-form">
      <TextAreaField
        label="Comment"
        name="body"
        rows={2}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={comment.fieldErrors.body}
        maxLength={5000}
      />
      <Button type="submit" variant="secondary" disabled={comment.pending}>
        {comment.pending ? "Adding…" : "Add comment"}
      </Button>
      <FormStatus state={comment.state} pending={comment.pending} pendingText="Adding the comment…" />
    </form>
  );
}
