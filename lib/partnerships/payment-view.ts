/** How escrow payments are read and shown, for the payment services of this folder. */
import type { DbTx, Prisma } from "../db";
import { AppError } from "../errors";
import { findOrNotFound } from "../find-or-not-found";
import type { PartnershipPayment, Payout } from "../generated/prisma/client";
import { toMajor } from "../money";
import type { PaymentResponse } from "./schemas/payments";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A payment with the deliverables it covers, as the payment responses show it. */
export type PaymentWithDeliverables = PartnershipPayment & { deliverables?: Array<{ deliverableId: string }>; payout?: Payout | null };

/** Include this in a payment query to show its deliverableIds. */
export const paymentDeliverablesInclude = {
  deliverables: { select: { deliverableId: true }, orderBy: { deliverable: { position: "asc" } } },
  payout: true,
} as const satisfies Prisma.PartnershipPaymentInclude;

/** Rows made before triggers were recorded take theirs from the type, as the migration did. */
const TRIGGER_OF_TYPE = { initial: "on_signing", milestone: "on_approval", final: "on_completion" } as const;

/**
 * The API's view of a payment. deliverableIds come from `payment.deliverables`; a payment
 * read without them (see paymentDeliverablesInclude, paymentResponseIn) shows none.
 */
export function toPaymentResponse(payment: PaymentWithDeliverables): PaymentResponse {
  return {
    id: payment.id,
    partnershipId: payment.partnershipId,
    type: payment.type,
    amount: toMajor(payment.amountMinor),
    currency: payment.currency,
    status: payment.status,
    trigger: payment.trigger ?? TRIGGER_OF_TYPE[payment.type],
    percent: payment.percent === null ? null : Number(payment.percent.toString()),
    deliverableIds: (payment.deliverables ?? []).map((link) => link.deliverableId),
    refundedAmount: toMajor(payment.refundedMinor),
    description: payment.description,
    dueDate: iso(payment.dueDate),
    paidAt: iso(payment.paidAt),
    transactionId: payment.providerPaymentIntent,
    payout: payment.payout
      ? {
          status: payment.payout.status,
          method: payment.payout.method,
          amount: toMajor(payment.payout.amountMinor),
          sandbox: payment.payout.sandbox,
          providerRef: payment.payout.providerRef,
          receipt: payment.payout.receipt,
          failureReason: payment.payout.failureReason,
          paidAt: iso(payment.payout.paidAt),
        }
      : null,
    createdAt: payment.createdAt.toISOString(),
    updatedAt: payment.updatedAt.toISOString(),
  };
}

/** The API's view of a payment, with its deliverables read in the caller's transaction. */
export async function paymentResponseIn(tx: DbTx, payment: PartnershipPayment): Promise<PaymentResponse> {
  const links = await tx.partnershipPaymentDeliverable.findMany({
    where: { paymentId: payment.id },
    select: { deliverableId: true },
    orderBy: { deliverable: { position: "asc" } },
  });
  const payout = await tx.payout.findUnique({ where: { paymentId: payment.id } });
  return toPaymentResponse({ ...payment, deliverables: links, payout });
}

/** An amount as activity descriptions write it: "USD 1200.00". */
export const describeMoney = (minor: bigint, currency: string) => `${currency} ${toMajor(minor).toFixed(2)}`;

/** The payment of the partnership with that id, with the deliverables it covers; 404 for any other id. */
export function paymentOf(tx: DbTx, partnershipId: string, paymentId: string): Promise<PaymentWithDeliverables> {
  return findOrNotFound("Payment", paymentId, (id) =>
    tx.partnershipPayment.findFirst({ where: { id, partnershipId }, include: paymentDeliverablesInclude }),
  );
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
