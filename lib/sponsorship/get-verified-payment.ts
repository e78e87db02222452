/** For the admin's queue: what a payment just marked received or failed now is, to say so once it has left the queue. */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { AppError } from "../errors";
import { toMajor } from "../money";

export interface VerifiedPayment {
  id: string;
  reference: string;
  partner: string;
  amount: number;
  currency: string;
  status: string;
}

export async function getVerifiedPayment(options: { actor: Actor; paymentId: string }): Promise<VerifiedPayment | null> {
  if (options.actor.role !== "admin") throw new AppError("insufficient_permissions", "Role 'admin' required");
  if (!/^[0-9a-f-]{36}$/i.test(options.paymentId)) return null;
  const payment = await getDb().payment.findUnique({
    where: { id: options.paymentId },
    select: { id: true, reference: true, amountMinor: true, currency: true, status: true, partner: { select: { name: true } } },
  });
  if (!payment || payment.status === "pending") return null;
  return {
    id: payment.id,
    reference: payment.reference,
    partner: payment.partner.name,
    amount: toMajor(payment.amountMinor),
    currency: payment.currency,
    status: payment.status,
  };
}
