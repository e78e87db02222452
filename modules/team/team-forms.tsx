"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { useFormAction } from "@/lib/forms/use-form-action";
import { inviteMemberBody } from "@/lib/organizations/schemas/members";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "@/modules/team/actions";

type Role = "owner" | "admin" | "finance" | "member" | "viewer";

export interface RoleChoice {
  value: Role;
  label: string;
}

/** Invites by email with a role; on success shows the link to give the invitee, once. */
export function InviteForm({ roles }: { roles: readonly RoleChoice[] }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const invite = useFormAction(inviteMemberAction, { schema: inviteMemberBody, onSuccess: () => setEmail("") });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    invite.submit({ email, role });
  }
  const result = invite.state.status === "success" ? invite.state.result : null;
  return (
    <div className="space-y-3">
      <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Invite someone">
        <div className="min-w-64 flex-1">
          <TextField
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={invite.fieldErrors.email}
            required
          />
        </div>
        <SelectField
          label="Role"
          name="role"
          options={roles}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          error={invite.fieldErrors.role}
        />
        <Button type="submit" disabled={invite.pending}>
          {invite.pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      <FormStatus state={invite.state} pending={invite.pending} pendingText="Making the invitation…" />
      {result ? (
        <div className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm" data-testid="invitation-link">
          <p className="font-medium text-emerald-900">
            Invitation ready for {result.email}.{" "}
            {result.emailed ? "It was emailed to them; you can also give them this link" : "Give them this link"}: it is shown only now,
            works once, for 7 days.
          </p>
          <p className="mt-2 font-mono text-xs break-all" data-testid="invitation-url">
            {result.acceptUrl}
          </p>
          <Button type="button" variant="secondary" className="mt-2" onClick={() => void navigator.clipboard?.writeText(result.acceptUrl)}>
            Copy link
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** A member's role, changed in place. */
export function MemberRoleForm({ userId, name, role, roles }: { userId: string; name: string; role: Role; roles: readonly RoleChoice[] }) {
  const [value, setValue] = useState<Role>(role);
  const change = useFormAction((input: unknown) => changeMemberRoleAction(userId, input));
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.submit({ role: value });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" aria-label={`Role of ${name}`}>
      <SelectField
        label={`Role of ${name}`}
        name="role"
        options={roles}
        value={value}
        onChange={(event) => setValue(event.target.value as Role)}
      />
      <Button type="submit" variant="secondary" disabled={change.pending || value === role}>
        Change role
      </Button>
      <FormStatus state={change.state} pending={change.pending} />
    </form>
  );
}

/** Removes a member after a confirmation, since it ends their account. */
export function RemoveMemberButton({ userId, name }: { userId: string; name: string }) {
  const [confirming, setConfirming] = useState(false);
  const remove = useFormAction(() => removeMemberAction(userId));
  if (!confirming)
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Remove {name}
      </Button>
    );
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span>Remove {name}? Their account stops working at once.</span>
      <Button type="button" variant="danger" disabled={remove.pending} onClick={() => remove.submit(undefined)}>
        Yes, remove
      </Button>
      <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
        Keep
      </Button>
      <FormStatus state={remove.state} pending={remove.pending} />
    </div>
  );
}

export function WithdrawInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  const withdraw = useFormAction(() => revokeInvitationAction(invitationId));
  return (
    <div className="flex items-center gap-2">
      <Button type="button" variant="secondary" disabled={withdraw.pending} onClick={() => withdraw.submit(undefined)}>
        Withdraw invitation for {email}
      </Button>
      <FormStatus state={withdraw.state} pending={withdraw.pending} />
    </div>
  );
}
