/** How escrow payments are read and shown, for the payment services of this folder. */
import type { DbTx } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import type { PartnershipPayment } from "../generated/prisma/client";
import { toMajor } from "../money";
import type { PaymentResponse } from "./schemas/payments";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toPaymentResponse(payment: PartnershipPayment): PaymentResponse {
  return {
    id: payment.id,
    partnershipId: payment.partnershipId,
    type: payment.type,
    amount: toMajor(payment.amountMinor),
    currency: payment.currency,
    status: payment.status,
    description: payment.description,
    dueDate: iso(payment.dueDate),
    paidAt: iso(payment.paidAt),
    transactionId: payment.providerPaymentIntent,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}

/** An amount as activity descriptions write it: "USD 1200.00". */
export const describeMoney = (minor: bigint, currency: string) => `${currency} ${toMajor(minor).toFixed(2)}`;

/** The payment of the partnership with that id; 404 for any other id. */
export function paymentOf(tx: DbTx, partnershipId: string, paymentId: string): Promise<PartnershipPayment> {
  return findOrNotFound("Payment", paymentId, (id) => tx.partnershipPayment.findFirst({ where: { id, partnershipId } }));
}

/** Payments are initiated and released only while the partnership is active. */
export function requirePayingPartnership(partnership: { status: string }): void {
  if (partnership.status !== "active")
    throw new AppError("invalid_state", `The partnership is ${partnership.status}`, { partnershipStatus: partnership.status });
}

/** Locks and returns the payment a provider charge belongs to, or null if it is not ours. */
export async function lockPaymentByIntent(tx: DbTx, providerPaymentIntent: string): Promise<PartnershipPayment | null> {
  await tx.$queryRaw`SELECT id FROM partnership_payments WHERE provider_payment_intent = ${providerPaymentIntent} FOR UPDATE`;
  return tx.partnershipPayment.findUnique({ where: { providerPaymentIntent } });
}
