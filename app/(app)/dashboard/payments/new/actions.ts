"use server";

import { requirePageActor } from "@/lib/auth/page-guard";
import { runAction } from "@/lib/forms/run-action";
import { createPayment } from "@/lib/partner/create-payment";
import { createPaymentBody } from "@/lib/partner/schemas";

/** Starts a payment with the same schema and service as POST /partner/payments. */
export async function createPaymentAction(input: unknown) {
  const actor = await requirePageActor(["partner"]);
  return runAction(createPaymentBody, input, (body) => createPayment({ actor, body }));
}
