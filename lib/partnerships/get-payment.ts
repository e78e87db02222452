/** GET /partnerships/{id}/payments/{paymentId}: one escrow payment, for either party. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnershipForParty } from "./access";
import type { PaymentResponse } from "./schemas/payments";
import { paymentOf, toPaymentResponse } from "./payment-view";

export interface GetPaymentOptions {
  actor: Actor;
  partnershipId: string;
  paymentId: string;
}

export async function getPayment(options: GetPaymentOptions): Promise<PaymentResponse> {
  const db = getDb();
  await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  return toPaymentResponse(await paymentOf(db, options.partnershipId, options.paymentId));
}
