import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { changePassword } from "@/lib/auth/change-password";
import { changePasswordBody } from "@/lib/auth/schemas";
import { clientAddressOf } from "@/lib/http/client-address";

/** Changes the caller's password; every token and session issued before it, this one included, stops working. */
export const POST = v1Route({ body: changePasswordBody }, async ({ actor, body, request }) => {
  const { sessionsEnded } = await changePassword({
    actor,
    currentPassword: body.current_password,
    newPassword: body.new_password,
    clientAddress: clientAddressOf(request),
  });
  return NextResponse.json({ message: "Password changed. Sign in again with the new password.", sessions_ended: sessionsEnded });
});
