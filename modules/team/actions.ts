"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { addressKey, enforceRateLimit } from "@/lib/api/rate-limit";
import { CORRECT_FIELDS } from "@/lib/forms/action-state";
import { zodFieldErrors } from "@/lib/forms/field-errors";
import { clientAddressOf } from "@/lib/http/client-address";
import { configuredOrigin } from "@/lib/http/public-origin";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";
import { createApiKeyBody } from "@/lib/api-keys/schemas/api-keys";
import { requirePageActor } from "@/lib/auth/page-guard";
import type { ActionState } from "@/lib/forms/action-state";
import { actionError, runAction } from "@/lib/forms/run-action";
import { acceptInvitation } from "@/lib/organizations/accept-invitation";
import { changeMemberRole, removeMember } from "@/lib/organizations/change-member";
import { inviteMember } from "@/lib/organizations/invite-member";
import { revokeInvitation } from "@/lib/organizations/revoke-invitation";
import { acceptInvitationBody, changeMemberRoleBody, inviteMemberBody } from "@/lib/organizations/schemas/members";

const MEMBER_KINDS = ["partner", "brand", "creator"] as const;

/** The app's public origin (server.ts writes it into the forwarded headers), for links. */
async function publicOrigin(): Promise<string> {
  const h = await headers();
  return configuredOrigin() ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
}

export async function inviteMemberAction(input: unknown): Promise<ActionState<{ email: string; acceptUrl: string; emailed: boolean }>> {
  const actor = await requirePageActor([...MEMBER_KINDS]);
  const result = await runAction(
    inviteMemberBody,
    input,
    async (body) => {
      const { invitation, acceptUrl, emailed } = await inviteMember({ actor, body, origin: await publicOrigin() });
      return { email: invitation.email, acceptUrl, emailed };
    },
    { actor, action: "member.invite" },
  );
  if (result.status === "success") revalidatePath("/team");
  return result;
}

export async function changeMemberRoleAction(userId: string, input: unknown): Promise<ActionState> {
  const actor = await requirePageActor([...MEMBER_KINDS]);
  const result = await runAction(changeMemberRoleBody, input, (body) => changeMemberRole({ actor, userId, role: body.role }), {
    actor,
    action: "member.change-role",
    target: { userId },
  });
  if (result.status !== "success") return result;
  revalidatePath("/team");
  return { status: "success", message: `Role changed to ${result.result.role}.`, result: undefined };
}

export async function removeMemberAction(userId: string): Promise<ActionState> {
  const actor = await requirePageActor([...MEMBER_KINDS]);
  const result = await runAction(z.object({}), {}, () => removeMember({ actor, userId }), {
    actor,
    action: "member.remove",
    target: { userId },
  });
  if (result.status !== "success") return result;
  revalidatePath("/team");
  return { status: "success", message: "Removed: their account no longer signs in.", result: undefined };
}

export async function revokeInvitationAction(invitationId: string): Promise<ActionState> {
  const actor = await requirePageActor([...MEMBER_KINDS]);
  const result = await runAction(z.object({}), {}, () => revokeInvitation({ actor, invitationId }), {
    actor,
    action: "invitation.revoke",
    target: { invitationId },
  });
  if (result.status !== "success") return result;
  revalidatePath("/team");
  return { status: "success", message: "Invitation withdrawn.", result: undefined };
}

/** The invitee, not signed in: the token is their credential. Counted per client address, like the API. */
export async function acceptInvitationAction(token: string, input: unknown): Promise<ActionState<{ email: string; organization: string }>> {
  try {
    await enforceRateLimit(addressKey(clientAddressOf(await headers())));
  } catch (error) {
    return actionError(error);
  }
  const parsed = acceptInvitationBody.safeParse(input);
  if (!parsed.success) return { status: "error", message: CORRECT_FIELDS, fieldErrors: zodFieldErrors(parsed.error, input) };
  try {
    const accepted = await acceptInvitation({ token, body: parsed.data });
    return { status: "success", result: { email: accepted.email, organization: accepted.organization } };
  } catch (error) {
    return actionError(error);
  }
}

export async function createApiKeyAction(input: unknown): Promise<ActionState<{ key: string; name: string }>> {
  const actor = await requirePageActor([...MEMBER_KINDS]);
  const result = await runAction(
    createApiKeyBody,
    input,
    async (body) => {
      const { apiKey, key } = await createApiKey({ actor, body });
      return { key, name: apiKey.name };
    },
    { actor, action: "api-key.create" },
  );
  if (result.status === "success") revalidatePath("/team");
  return result;
}

export async function revokeApiKeyAction(apiKeyId: string): Promise<ActionState> {
  const actor = await requirePageActor([...MEMBER_KINDS]);
  const result = await runAction(z.object({}), {}, () => revokeApiKey({ actor, apiKeyId }), {
    actor,
    action: "api-key.revoke",
    target: { apiKeyId },
  });
  if (result.status !== "success") return result;
  revalidatePath("/team");
  return { status: "success", message: "Revoked: requests with this key are refused from now on.", result: undefined };
}
