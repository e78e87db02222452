import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";

/** Revokes every token and ends every session of the caller, this one included. */
export const POST = v1Route({}, async ({ actor }) => {
  const { sessionsEnded } = await signOutEverywhere({ actor });
  return NextResponse.json({
    message: "Signed out everywhere. Every token and session issued until now has stopped working.",
    sessions_ended: sessionsEnded,
  });
});
