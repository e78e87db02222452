import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { createPayment } from "@/lib/sponsorship/create-payment";
import { listPartnerPayments } from "@/lib/sponsorship/list-payments";
import { createPaymentBody, listPaymentsQuery } from "@/lib/sponsorship/schemas/payments";

/** The partner's payment history with totals. */
export const GET = v1Route({ roles: ["partner"], query: listPaymentsQuery }, async ({ actor, query }) =>
  NextResponse.json(await listPartnerPayments({ actor, query })),
);

/** Starts a payment (pending until verified or confirmed by the provider) and issues its invoice. */
export const POST = v1Route({ roles: ["partner"], permission: "finance", body: createPaymentBody }, async ({ actor, body }) =>
  NextResponse.json(await createPayment({ actor, body }), { status: 201 }),
);
