"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { changePasswordAction, signOutEverywhereAction } from "@/modules/account/actions";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { changePasswordBody, MIN_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { useFormAction } from "@/lib/forms/use-form-action";

/** After credentials are revoked this browser's cookie no longer works: clear it and go to sign-in. */
function useLeaveToSignIn() {
  const router = useRouter();
  return async () => {
    await signOut({ redirect: false });
    router.replace("/login");
    router.refresh();
  };
}

export function ChangePasswordForm() {
  const leave = useLeaveToSignIn();
  const { state, pending, submit, fieldErrors } = useFormAction(changePasswordAction, {
    schema: changePasswordBody,
    refresh: false,
    onSuccess: () => void leave(),
  });
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    submit({ current_password: String(form.get("current_password") ?? ""), new_password: String(form.get("new_password") ?? "") });
  }
  return (
    <form onSubmit={onSubmit} className="max-w-md space-y-4" noValidate>
      <TextField
        label="Current password"
        name="current_password"
        type="password"
        autoComplete="current-password"
        error={fieldErrors.current_password}
        required
      />
      <TextField
        label="New password"
        name="new_password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={fieldErrors.new_password}
        required
      />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
      <FormStatus state={state} pending={pending} pendingText="Changing password…" />
    </form>
  );
}

export function SignOutEverywhereButton() {
  const leave = useLeaveToSignIn();
  const [confirming, setConfirming] = useState(false);
  const { state, pending, submit } = useFormAction(signOutEverywhereAction, { refresh: false, onSuccess: () => void leave() });
  return (
    <div className="space-y-3">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="danger" disabled={pending} onClick={() => submit(undefined)}>
            Yes, sign out everywhere
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Sign out everywhere
        </Button>
      )}
      <FormStatus state={state} pending={pending} pendingText="Signing out everywhere…" />
    </div>
  );
}
