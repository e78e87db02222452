"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { studentConsentBody } from "@/lib/sponsorship/schemas/student-consent";
import { recordStudentConsentAction } from "@/modules/dashboard/students/actions";

/** Record the guardian's full-name consent (with an optional note), or withdraw it after confirming. */
export function StudentConsentControl({ studentId, consented }: { studentId: string; consented: boolean }) {
  const [note, setNote] = useState("");
  const [confirming, setConfirming] = useState(false);
  const { state, pending, submit, fieldErrors } = useFormAction(
    (input: { consented: boolean; note?: string }) => recordStudentConsentAction(studentId, input),
    { schema: studentConsentBody, onSuccess: () => setConfirming(false) },
  );

  function onRecord(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ consented: true, note: note.trim() || undefined });
  }

  return (
    <div className="mt-3 space-y-3">
      {consented ? (
        confirming ? (
          <div role="group" aria-labelledby="withdraw-question" className="rounded-md border border-amber-300 bg-amber-50 p-4">
            <p id="withdraw-question" className="text-sm font-medium text-amber-900">
              Withdraw the consent? Reports generated from now on name this student by first name and initial, without their school.
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Button type="button" variant="danger" disabled={pending} onClick={() => submit({ consented: false })}>
                Yes, withdraw it
              </Button>
              <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </div>
          </div>
        ) : (
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            Withdraw consent
          </Button>
        )
      ) : (
        <form onSubmit={onRecord} aria-label="Record the full-name consent" className="flex flex-wrap items-end gap-3">
          <div className="min-w-56 flex-1">
            <TextField
              label="Note (optional)"
              name="note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              hint="Where the signed form is kept, for example."
              maxLength={500}
              error={fieldErrors.note}
            />
          </div>
          <Button type="submit" disabled={pending}>
            Record consent
          </Button>
        </form>
      )}
      <FormStatus state={state} pending={pending} pendingText="Saving…" />
    </div>
  );
}
