"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { acceptInvitationBody } from "@/lib/organizations/schemas/members";
import { acceptInvitationAction } from "@/modules/team/actions";

/** The invitee's name and password; once the account is made, they are signed in and sent home. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [signInFailed, setSignInFailed] = useState(false);
  const accept = useFormAction((input: unknown) => acceptInvitationAction(token, input), {
    schema: acceptInvitationBody,
    refresh: false,
    onSuccess: async () => {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (result?.ok) {
        router.replace("/");
        router.refresh();
      } else setSignInFailed(true);
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    accept.submit({ name, password });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Make your account">
      <TextField label="Email" name="email" value={email} readOnly />
      <TextField
        label="Your full name"
        name="name"
        autoComplete="name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={accept.fieldErrors.name}
        required
      />
      <TextField
        label="Choose a password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={accept.fieldErrors.password}
        required
      />
      <Button type="submit" disabled={accept.pending} className="w-full">
        {accept.pending ? "Making your account…" : "Join"}
      </Button>
      <FormStatus
        state={accept.state}
        pending={accept.pending}
        successText={signInFailed ? "Your account is ready: sign in with it." : "Your account is ready: signing you in…"}
      />
    </form>
  );
}
