"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxGroup, type Choice } from "@/components/ui/choice-group";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { createApiKeyBody } from "@/lib/api-keys/schemas/api-keys";
import { createApiKeyAction, revokeApiKeyAction } from "@/modules/team/actions";

/** Makes a named key with the scopes chosen; shows the key once. */
export function CreateApiKeyForm({ scopes }: { scopes: readonly Choice[] }) {
  const [name, setName] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const create = useFormAction(createApiKeyAction, {
    schema: createApiKeyBody,
    onSuccess: () => {
      setName("");
      setChosen([]);
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.submit({ name, scopes: chosen });
  }
  const made = create.state.status === "success" ? create.state.result : null;
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Make an API key">
        <TextField
          label="Key name"
          name="name"
          hint="What it is for, e.g. the accounting system's name."
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={create.fieldErrors.name}
          required
        />
        <CheckboxGroup legend="Scopes" choices={scopes} values={chosen} onChange={setChosen} error={create.fieldErrors.scopes} />
        <Button type="submit" disabled={create.pending}>
          {create.pending ? "Making…" : "Make key"}
        </Button>
      </form>
      <FormStatus state={create.state} pending={create.pending} />
      {made ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm" data-testid="new-api-key">
          <p className="font-medium text-emerald-900">
            Key “{made.name}” made. Copy it now: it is shown only this once. Send it as Authorization: Bearer &lt;key&gt;.
          </p>
          <p className="mt-2 font-mono text-xs break-all" data-testid="api-key-value">
            {made.key}
          </p>
          <Button type="button" variant="secondary" className="mt-2" onClick={() => void navigator.clipboard?.writeText(made.key)}>
            Copy key
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** Revokes a key after a confirmation: integrations using it stop at once. */
export function RevokeApiKeyButton({ apiKeyId, name }: { apiKeyId: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useFormAction(() => revokeApiKeyAction(apiKeyId));
  if (!confirming)
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Revoke {name}
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span>Revoke {name}? Whatever uses it stops working at once.</span>
      <Button type="button" variant="danger" disabled={revoke.pending} onClick={() => revoke.submit(undefined)}>
        Yes, revoke
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      <FormStatus state={revoke.state} pending={revoke.pending} />
    </div>
  );
}
