/** Safaricom's B2C timeout callback for creator payouts (lib/payouts/receive-mpesa-callback.ts). */
import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { b2cResultBody } from "@/lib/daraja/b2c";
import { BODY_LIMITS } from "@/lib/http/body";
import { MPESA_CALLBACK_ACCEPTED, receiveMpesaCallback, requireMpesaCallbackToken } from "@/lib/payouts/receive-mpesa-callback";

export const POST = publicV1Route(
  { body: b2cResultBody, bodyLimit: BODY_LIMITS.mpesaCallback, before: (request) => requireMpesaCallbackToken(request.nextUrl.pathname) },
  async ({ body }) => {
    await receiveMpesaCallback({ kind: "timeout", body });
    return NextResponse.json(MPESA_CALLBACK_ACCEPTED);
  },
);
