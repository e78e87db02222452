import { NextResponse } from "next/server";
import { v1Route } from "@/lib/api/v1-route";
import { getPayment } from "@/lib/sponsorship/get-payment";

/** One of the partner's own payments, as its payment page follows it until it settles. */
export const GET = v1Route({ roles: ["partner"] }, async ({ actor, params }) =>
  NextResponse.json(await getPayment({ actor, paymentId: String(params.id) }), { headers: { "Cache-Control": "private, no-store" } }),
);
