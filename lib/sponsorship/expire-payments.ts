/**
 * The expiry sweep (a job on the queue): a pending payment the partner makes themselves
 * (bank transfer, PayPal) that is still unpaid when it expires fails as `expired`, its
 * invoice becomes void, and what it covered can be paid again. M-Pesa payments are left
 * to the M-Pesa status query (only M-Pesa knows whether the prompt was answered) and card
 * payments to Stripe's report.
 */
import { getDb } from "../db";
import { AppError } from "../errors";
import type { PaymentMethod } from "../generated/prisma/client";
import { settlePayment } from "./complete-payment";

/** The methods whose payments lapse at expires_at. */
export const EXPIRING_METHODS: PaymentMethod[] = ["bank_transfer", "paypal"];

const SWEEP_BATCH = 200;

export async function expireOverduePayments(options: { now: Date }): Promise<{ expired: number }> {
  const { now } = options;
  const due = await getDb().payment.findMany({
    where: { status: "pending", method: { in: EXPIRING_METHODS }, expiresAt: { lte: now } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    take: SWEEP_BATCH,
    select: { id: true, expiresAt: true },
  });
  let expired = 0;
  for (const payment of due) {
    // expires_at is the end of the invoice's due date.
    const dueDay = new Date(payment.expiresAt!.getTime() - 1).toISOString().slice(0, 10);
    try {
      await getDb().$transaction((tx) =>
        settlePayment(tx, {
          paymentId: payment.id,
          outcome: "failed",
          failureCode: "expired",
          reason: `Expired: not paid by ${dueDay}, the due date`,
          now,
        }),
      );
      expired += 1;
    } catch (error) {
      // Settled meanwhile (an administrator verified it): it is no longer this sweep's to expire.
      if (error instanceof AppError && error.code === "conflict") continue;
      throw error;
    }
  }
  return { expired };
}
