/** GET /partner/payments/{id}: one of the partner's payments, with what the partner needs to settle it. */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { paymentInstructions } from "../billing/payment-instructions";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { toPaymentItem } from "./list-payments";
import { partnerOf } from "./partner-of";
import type { paymentDetailResponse } from "./schemas/payment-detail";

export interface GetPaymentOptions {
  actor: Actor;
  paymentId: string;
}

export type PaymentDetail = z.infer<typeof paymentDetailResponse>;

export async function getPayment(options: GetPaymentOptions): Promise<PaymentDetail> {
  const partnerId = partnerOf(options.actor, "read");
  const payment = await findOrNotFound("Payment", options.paymentId, (id) =>
    getDb().payment.findFirst({
      where: { id, partnerId },
      include: { sponsorships: { select: { sponsorshipId: true } }, invoice: { select: { id: true } } },
    }),
  );
  return {
    ...toPaymentItem(payment),
    phone_number: payment.phoneNumber,
    invoice_id: payment.invoice?.id ?? null,
    failure_code: payment.status === "failed" ? payment.failureCode : null,
    failure_reason: payment.status === "failed" ? payment.failureReason : null,
    expires_at: payment.expiresAt?.toISOString() ?? null,
    // Only a pending bank transfer still needs the partner to send money somewhere.
    instructions: payment.method === "bank_transfer" && payment.status === "pending" ? paymentInstructions(payment.reference) : null,
  };
}
