/**
 * Safaricom's M-Pesa Paybill (C2B) confirmation (lib/sponsorship/apply-paybill-confirmation.ts).
 * The path avoids the word "mpesa": Safaricom refuses to register C2B URLs that contain it.
 */
import { NextResponse } from "next/server";
import { publicV1Route } from "@/lib/api/v1-route";
import { requireDarajaCallback } from "@/lib/daraja/callback-guard";
import { BODY_LIMITS } from "@/lib/http/body";
import { PAYBILL_ACCEPTED, paybillConfirmationBody, receivePaybillConfirmation } from "@/lib/sponsorship/apply-paybill-confirmation";

export const POST = publicV1Route(
  {
    body: paybillConfirmationBody,
    bodyLimit: BODY_LIMITS.mpesaCallback,
    before: (request) => requireDarajaCallback(request, request.nextUrl.pathname),
  },
  async ({ body }) => {
    await receivePaybillConfirmation(body);
    return NextResponse.json(PAYBILL_ACCEPTED);
  },
);
