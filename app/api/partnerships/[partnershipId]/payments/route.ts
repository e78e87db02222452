import { NextResponse } from "next/server";
import { partnershipsRoute } from "@/lib/api/partnerships-route";
import { initiatePaymentBody } from "@/lib/partnerships/schemas/payments";
import { initiatePayment } from "@/lib/partnerships/initiate-payment";
import { listPartnershipPayments } from "@/lib/partnerships/list-partnership-payments";

export const GET = partnershipsRoute({ roles: ["creator", "brand"] }, async ({ actor, params }) =>
  NextResponse.json(await listPartnershipPayments({ actor, partnershipId: String(params.partnershipId) })),
);

export const POST = partnershipsRoute({ roles: ["creator", "brand"], body: initiatePaymentBody }, async ({ actor, body, params }) =>
  NextResponse.json(await initiatePayment({ actor, partnershipId: String(params.partnershipId), input: body }), { status: 201 }),
);
