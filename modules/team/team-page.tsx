import Link from "next/link";
import { LocalDate } from "@/components/ui/local-date";
import { requirePageActor } from "@/lib/auth/page-guard";
import { listApiKeys } from "@/lib/api-keys/manage-api-keys";
import { API_KEY_SCOPES, AREAS_OF_KIND, SCOPE_DESCRIPTIONS } from "@/lib/api-keys/scopes";
import { listMembers } from "@/lib/organizations/list-members";
import { MEMBER_ROLES, ROLE_DESCRIPTIONS, roleAllows } from "@/lib/organizations/permissions";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/modules/team/api-key-forms";
import { InviteForm, MemberRoleForm, RemoveMemberButton, WithdrawInvitationButton } from "@/modules/team/team-forms";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", finance: "Finance", member: "Member", viewer: "Viewer" } as const;

/** The organisation's team: who is in it with which role, and, for owners and admins, invitations and changes. */
export default async function TeamPage() {
  const actor = await requirePageActor(["partner", "brand", "creator"]);
  const team = await listMembers({ actor });
  const manages = roleAllows(team.your_role, "manage");
  const apiKeys = manages ? (await listApiKeys({ actor })).api_keys : [];
  const kind = team.organization.kind;
  const scopeChoices = API_KEY_SCOPES.filter((scope) => kind !== "platform" && AREAS_OF_KIND[kind].includes(scope.split(":")[0]!)).map(
    (scope) => ({ value: scope, label: scope, hint: SCOPE_DESCRIPTIONS[scope] }),
  );
  // Only an owner hands out or takes away the owner role.
  const roles = MEMBER_ROLES.filter((role) => role !== "owner" || team.your_role === "owner").map((role) => ({
    value: role,
    label: ROLE_LABELS[role],
  }));
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">Team of {team.organization.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          You are {ROLE_LABELS[team.your_role].toLowerCase()}: {ROLE_DESCRIPTIONS[team.your_role].toLowerCase()}.
        </p>
        {manages ? (
          <p className="mt-2 text-sm">
            <Link href="/team/audit" className="font-medium text-brand-700 underline-offset-2 hover:underline">
              Audit log
            </Link>
          </p>
        ) : null}
      </header>

      <section aria-labelledby="members-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="members-heading" className="text-lg font-semibold text-slate-900">
          Members ({team.members.length})
        </h2>
        <ul className="mt-3 divide-y divide-slate-200">
          {team.members.map((member) => (
            <li key={member.user_id} className="flex flex-wrap items-end justify-between gap-3 py-3" data-testid="team-member">
              <div className="min-w-0">
                <p className="font-medium">
                  {member.name}
                  {member.you ? <span className="text-slate-500"> (you)</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {member.email} · <span data-testid="member-role">{ROLE_LABELS[member.role]}</span> · joined{" "}
                  <LocalDate value={member.joined_at} />
                </p>
              </div>
              {manages && !member.you && (member.role !== "owner" || team.your_role === "owner") ? (
                <div className="flex flex-wrap items-end gap-3">
                  <MemberRoleForm userId={member.user_id} name={member.name} role={member.role} roles={roles} />
                  <RemoveMemberButton userId={member.user_id} name={member.name} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {manages ? (
        <section aria-labelledby="invite-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="invite-heading" className="text-lg font-semibold text-slate-900">
            Invite someone
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            They get a link to make their account in {team.organization.name} with the role you choose.
          </p>
          <InviteForm roles={roles} />
          {team.invitations.length ? (
            <>
              <h3 className="mt-6 font-semibold">Open invitations</h3>
              <ul className="mt-2 divide-y divide-slate-200">
                {team.invitations.map((invitation) => (
                  <li
                    key={invitation.id}
                    className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm"
                    data-testid="open-invitation"
                  >
                    <span>
                      {invitation.email} · {ROLE_LABELS[invitation.role]} · invited by {invitation.invited_by} · until{" "}
                      <LocalDate value={invitation.expires_at} />
                    </span>
                    <WithdrawInvitationButton invitationId={invitation.id} email={invitation.email} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {manages ? (
        <section aria-labelledby="keys-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="keys-heading" className="text-lg font-semibold text-slate-900">
            API keys
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            For other systems to call the API for {team.organization.name}. A key acts as the member who made it, never beyond their role,
            and only within its scopes; it stops working when it is revoked or they leave.
          </p>
          {apiKeys.length ? (
            <ul className="mb-6 divide-y divide-slate-200">
              {apiKeys.map((key) => (
                <li key={key.id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm" data-testid="api-key">
                  <span>
                    <span className="font-medium">{key.name}</span> · <span className="font-mono">{key.prefix}…</span> ·{" "}
                    {key.scopes.join(", ")} · made by {key.created_by} ·{" "}
                    {key.last_used_at ? (
                      <>
                        last used <LocalDate value={key.last_used_at} />
                      </>
                    ) : (
                      "never used"
                    )}
                    {key.revoked_at ? (
                      <>
                        {" "}
                        · <strong>revoked</strong> <LocalDate value={key.revoked_at} />
                      </>
                    ) : null}
                  </span>
                  {key.revoked_at ? null : <RevokeApiKeyButton apiKeyId={key.id} name={key.name} />}
                </li>
              ))}
            </ul>
          ) : null}
          <CreateApiKeyForm scopes={scopeChoices} />
        </section>
      ) : null}

      <section aria-labelledby="roles-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="roles-heading" className="text-lg font-semibold text-slate-900">
          What each role may do
        </h2>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
          {MEMBER_ROLES.map((role) => (
            <div key={role} className="contents">
              <dt className="font-medium">{ROLE_LABELS[role]}</dt>
              <dd className="text-slate-700">{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
