/**
 * How a run's attempt ends: a completed payment makes the run paid; a failed one (or one
 * that could not start) schedules the next attempt, or fails the run once none is left.
 * Imported by complete-payment.ts, so it imports nothing that starts payments.
 */
import type { DbTx } from "../db";
import type { PaymentOutcome } from "../sponsorship/complete-payment";
import { moveRuns } from "./transitions";

const HOUR_MS = 3_600_000;
/** The wait after each failed attempt before the next one. */
export const RETRY_DELAYS_MS = [1 * HOUR_MS, 6 * HOUR_MS, 24 * HOUR_MS] as const;
/** The first attempt on the due date and one per retry delay. */
export const MAX_RUN_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * A failed attempt: the run is retried after the next delay, or fails once no attempt is
 * left or its order was cancelled. A payment still under way for the run (a prompt that
 * failed after the payment was recorded) decides instead, when it settles.
 */
export async function recordFailedAttempt(tx: DbTx, options: { runId: string; attempt: number; reason: string; now: Date }): Promise<void> {
  const { runId, attempt, reason, now } = options;
  const run = await tx.standingOrderRun.findUniqueOrThrow({
    where: { id: runId },
    select: { standingOrder: { select: { status: true } }, payments: { where: { status: "pending" }, select: { id: true } } },
  });
  if (run.payments.length) {
    await tx.standingOrderRun.update({ where: { id: runId }, data: { lastError: reason } });
    return;
  }
  if (attempt >= MAX_RUN_ATTEMPTS || run.standingOrder.status === "cancelled") {
    await moveRuns(tx, [runId], "failed", { nextAttemptAt: null, lastError: reason });
  } else {
    await moveRuns(tx, [runId], "retrying", { nextAttemptAt: new Date(now.getTime() + RETRY_DELAYS_MS[attempt - 1]!), lastError: reason });
  }
}

/**
 * Called by settlePayment in the transaction that settles a payment: a standing order's
 * completed payment makes its run paid; a failed one schedules the next attempt or fails
 * the run.
 */
export async function onStandingOrderPaymentSettled(
  tx: DbTx,
  options: { paymentId: string; outcome: PaymentOutcome; now: Date },
): Promise<void> {
  const payment = await tx.payment.findUnique({
    where: { id: options.paymentId },
    select: { standingOrderRunId: true, failureReason: true, invoice: { select: { id: true } } },
  });
  const runId = payment?.standingOrderRunId;
  if (!runId) return;
  if (options.outcome === "completed") {
    await moveRuns(tx, [runId], "paid", {
      nextAttemptAt: null,
      lastError: null,
      ...(payment.invoice ? { invoiceId: payment.invoice.id } : {}),
    });
    return;
  }
  const run = await tx.standingOrderRun.findUniqueOrThrow({ where: { id: runId }, select: { attempts: true } });
  await recordFailedAttempt(tx, {
    runId,
    attempt: Math.max(run.attempts, 1),
    reason: payment.failureReason ?? "Payment failed",
    now: options.now,
  });
}
