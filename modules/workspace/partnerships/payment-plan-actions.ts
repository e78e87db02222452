"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/forms/action-state";
import { runAction } from "@/lib/forms/run-action";
import { requirePageActor } from "@/lib/auth/page-guard";
import { cancelPayment } from "@/lib/partnerships/cancel-payment";
import { cancelPaymentBody } from "@/lib/partnerships/schemas/payments";
import { uuidString } from "@/lib/schemas/ids";

const paymentPath = z.object({ partnershipId: uuidString, paymentId: uuidString });

/** The brand cancels a payment that holds no money; a malformed id is refused like the API refuses an unknown one. */
export async function cancelPaymentAction(partnershipId: string, paymentId: string, input: unknown): Promise<ActionState> {
  const ids = paymentPath.safeParse({ partnershipId, paymentId });
  if (!ids.success) return { status: "error", message: "This payment was not found.", fieldErrors: {} };
  const actor = await requirePageActor(["creator", "brand"]);
  return runAction(cancelPaymentBody, input, (body) => cancelPayment({ actor, ...ids.data, reason: body.reason }).then(() => undefined), {
    actor,
    action: "escrow-payment.cancel",
    target: ids.data,
    successMessage: "Payment cancelled.",
  });
}
