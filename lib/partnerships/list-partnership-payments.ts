/** GET /partnerships/{id}/payments: the partnership's escrow payments, oldest first. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { partnershipForParty } from "./access";
import type { PaymentResponse } from "./schemas/payments";
import { paymentDeliverablesInclude, toPaymentResponse } from "./payment-view";

export interface ListPartnershipPaymentsOptions {
  actor: Actor;
  partnershipId: string;
}

export async function listPartnershipPayments(options: ListPartnershipPaymentsOptions): Promise<{ payments: PaymentResponse[] }> {
  const db = getDb();
  await partnershipForParty(db, options.actor, options.partnershipId, { permission: "read" });
  const payments = await db.partnershipPayment.findMany({
    where: { partnershipId: options.partnershipId },
    // Plan order first (payments made together at acceptance), then milestones added later.
    orderBy: [{ createdAt: "asc" }, { position: { sort: "asc", nulls: "last" } }, { type: "asc" }, { id: "asc" }],
    include: paymentDeliverablesInclude,
  });
  return { payments: payments.map(toPaymentResponse) };
}
