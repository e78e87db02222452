"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { requirePageActor } from "@/lib/auth/page-guard";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordBody } from "@/lib/auth/schemas";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { runAction } from "@/lib/forms/run-action";
import { clientAddressOf } from "@/lib/http/client-address";

const everyone = ["partner", "creator", "brand", "admin"] as const;

/** Changes the password with the same schema and service as POST /api/v1/auth/password. */
export async function changePasswordAction(input: unknown) {
  const actor = await requirePageActor([...everyone]);
  const clientAddress = clientAddressOf(await headers());
  return runAction(
    changePasswordBody,
    input,
    async (body) => changePassword({ actor, currentPassword: body.current_password, newPassword: body.new_password, clientAddress }),
    { actor, action: "password.change", successMessage: "Password changed. Sign in again with the new password." },
  );
}

export async function signOutEverywhereAction() {
  const actor = await requirePageActor([...everyone]);
  return runAction(z.object({}), {}, () => signOutEverywhere({ actor }), {
    actor,
    action: "account.sign-out-everywhere",
    successMessage: "Signed out everywhere.",
  });
}
