/** Safaricom's STK push result callback for partner payments (lib/sponsorship/receive-mpesa-callback.ts). */
import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { requireDarajaCallback } from "@/lib/daraja/callback-guard";
import { BODY_LIMITS } from "@/lib/http/body";
import { MPESA_ACCEPTED, mpesaCallbackBody } from "@/lib/sponsorship/mpesa";
import { receiveStkCallback } from "@/lib/sponsorship/receive-mpesa-callback";

export const POST = publicV1Route(
  {
    body: mpesaCallbackBody,
    bodyLimit: BODY_LIMITS.mpesaCallback,
    before: (request) => requireDarajaCallback(request, request.nextUrl.pathname),
  },
  async ({ body }) => {
    await receiveStkCallback(body);
    return NextResponse.json(MPESA_ACCEPTED);
  },
);
