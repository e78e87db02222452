/**
 * The payout job: pays one payout out, or finds out what became of an attempt already sent.
 * Safe to run any number of times (delivery is at least once, and a worker may die mid-way):
 *
 * 1. Under the payout's lock, decide. Paid: nothing to do. No attempt in flight: start one, with
 *    its id in attemptRef (the Stripe idempotency key, the Daraja OriginatorConversationID),
 *    committed BEFORE the provider is called, so a crash after the call still knows its id.
 * 2. Call the provider outside any transaction. Stripe: a transfer with that idempotency key,
 *    so repeating an attempt cannot pay twice. M-Pesa: Daraja does not deduplicate, so an
 *    attempt whose request may have been sent (attemptRef set, no ConversationID stored) is
 *    first looked up with the transaction status query, and sent only if Daraja never saw it.
 * 3. Record the outcome under the lock: Stripe paid (with the payout ledger movement) or failed;
 *    M-Pesa the ConversationID, the result arriving later on the callback (apply-mpesa-result.ts).
 */
import { getDb } from "../db";
import { AppError } from "../errors";
import type { Payout } from "../generated/prisma/client";
import { getPaymentProvider, transferGroupFor } from "../payments/payment-provider";
import { MPESA_CURRENCY } from "./countries";
import { queuePayout } from "./create-payout";
import { applyMpesaOutcome, deliverMpesaResult } from "./apply-mpesa-result";
import { mpesaPayoutProvider } from "./mpesa-payouts";
import { lockPayout, markPayoutFailed, markPayoutPaid, MAX_PAYOUT_ATTEMPTS, retryDelayMs } from "./settle-payout";

/** How long a sent M-Pesa payment may wait for its result before its status is queried. */
export const MPESA_RESULT_WAIT_MS = 10 * 60_000;

/**
 * How long after an attempt started its request may still be on its way (the request times out
 * after 30 s). Before that, an attempt with no ConversationID is another worker's, still in flight;
 * after it, the worker that sent it is taken to have died, and the status query decides.
 */
export function inFlightGraceMs(): number {
  const setting = process.env.PAYOUT_IN_FLIGHT_GRACE_SECONDS?.trim();
  const seconds = setting ? Number(setting) : NaN;
  return (Number.isFinite(seconds) && seconds >= 0 ? seconds : 90) * 1000;
}

export type PayoutStep =
  | "missing"
  | "in_flight"
  | "paid"
  | "failed"
  | "waiting_retry"
  | "gave_up"
  | "sent"
  | "awaiting_result"
  | "pending_status"
  | "retry_scheduled";

export interface ProcessPayoutOptions {
  payoutId: string;
  now: Date;
  /** Query an M-Pesa attempt's status now (a timeout callback asked for it) instead of waiting. */
  check?: boolean;
}

type Plan =
  | { done: PayoutStep }
  | { call: "stripe"; payout: Payout; attemptRef: string }
  | { call: "mpesa"; payout: Payout; attemptRef: string; lookFirst: boolean }
  | { call: "mpesa-status"; payout: Payout; attemptRef: string };

/** Why M-Pesa cannot carry this payout, if it cannot. */
function mpesaRefusal(payout: Payout): string | null {
  if (payout.currency.trim() !== MPESA_CURRENCY) {
    return `M-Pesa pays ${MPESA_CURRENCY} only and this payout is in ${payout.currency}: the creator must choose Stripe to be paid`;
  }
  // B2C moves whole shillings: sending the rounded amount would record as paid cents that never left.
  if (payout.amountMinor % 100n !== 0n) {
    return `M-Pesa pays whole shillings and this payout is ${MPESA_CURRENCY} ${Number(payout.amountMinor) / 100}: it needs a person to settle`;
  }
  return null;
}

const attemptRefOf = (payoutId: string, attempt: number) => `payout_${payoutId}_${attempt}`;

async function plan(options: ProcessPayoutOptions): Promise<Plan> {
  return getDb().$transaction(async (tx): Promise<Plan> => {
    const payout = await lockPayout(tx, { id: options.payoutId });
    if (!payout) return { done: "missing" };
    if (payout.status === "paid") return { done: "paid" };
    const inFlight = payout.status === "pending" && payout.attemptRef !== null;
    if (inFlight && payout.method === "stripe") return { call: "stripe", payout, attemptRef: payout.attemptRef! };
    if (inFlight && payout.method === "mpesa") {
      if (!payout.providerRef) {
        const started = payout.requestedAt?.getTime() ?? 0;
        if (started + inFlightGraceMs() > options.now.getTime()) return { done: "in_flight" };
        return { call: "mpesa", payout, attemptRef: payout.attemptRef!, lookFirst: true };
      }
      const waitedEnough = (payout.requestedAt?.getTime() ?? 0) + MPESA_RESULT_WAIT_MS <= options.now.getTime();
      return options.check || waitedEnough ? { call: "mpesa-status", payout, attemptRef: payout.attemptRef! } : { done: "awaiting_result" };
    }
    if (payout.status === "failed") {
      if (payout.attempts >= MAX_PAYOUT_ATTEMPTS) return { done: "gave_up" };
      if ((payout.failedAt?.getTime() ?? 0) + retryDelayMs(payout.attempts) > options.now.getTime()) return { done: "waiting_retry" };
    }
    const refusal = payout.method === "mpesa" ? mpesaRefusal(payout) : null;
    if (refusal) {
      // Not retried: another attempt would meet the same refusal.
      await tx.payout.update({ where: { id: payout.id }, data: { attempts: MAX_PAYOUT_ATTEMPTS } });
      await markPayoutFailed(tx, payout.id, { reason: refusal, at: options.now });
      return { done: "failed" };
    }
    // A new attempt, with its id committed before anything is sent.
    const attempt = payout.attempts + 1;
    const attemptRef = attemptRefOf(payout.id, attempt);
    const started = await tx.payout.update({
      where: { id: payout.id },
      data: {
        status: "pending",
        attempts: attempt,
        attemptRef,
        providerRef: null,
        requestedAt: options.now,
        failureReason: null,
        failedAt: null,
      },
    });
    return payout.method === "stripe"
      ? { call: "stripe", payout: started, attemptRef }
      : { call: "mpesa", payout: started, attemptRef, lookFirst: false };
  });
}

/** Fails the attempt and schedules the next one, unless it is paid meanwhile. */
async function failAttempt(payoutId: string, reason: string, now: Date): Promise<PayoutStep> {
  return getDb().$transaction(async (tx) => {
    const payout = await lockPayout(tx, { id: payoutId });
    if (!payout || payout.status === "paid") return "paid";
    await markPayoutFailed(tx, payoutId, { reason, at: now });
    if (payout.attempts >= MAX_PAYOUT_ATTEMPTS) return "gave_up";
    await queuePayout(tx, payoutId, { startAfter: new Date(now.getTime() + retryDelayMs(payout.attempts)) });
    return "retry_scheduled";
  });
}

/** Stripe errors that say the transfer was refused, rather than that its fate is unknown. */
function isDefinitiveStripeError(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  const type = (error.details as { providerErrorType?: string } | undefined)?.providerErrorType;
  return type === "StripeInvalidRequestError" || type === "StripeCardError" || type === "StripePermissionError";
}

async function payByStripe(payout: Payout, attemptRef: string, now: Date): Promise<PayoutStep> {
  const provider = getPaymentProvider();
  try {
    const { providerTransfer } = await provider.transferToCreator({
      amountMinor: payout.amountMinor,
      currency: payout.currency.trim(),
      destinationAccount: payout.destination,
      transferGroup: transferGroupFor(payout.partnershipId),
      paymentId: payout.paymentId,
      idempotencyKey: attemptRef,
    });
    await getDb().$transaction((tx) =>
      markPayoutPaid(tx, payout.id, { providerRef: providerTransfer, sandbox: provider.name === "sandbox", at: now }),
    );
    return "paid";
  } catch (error) {
    // Unknown outcome (network, Stripe's 5xx): the job is retried with the same idempotency key.
    if (!isDefinitiveStripeError(error)) throw error;
    return failAttempt(payout.id, `Stripe refused the transfer: ${(error as Error).message}`, now);
  }
}

async function payByMpesa(payout: Payout, attemptRef: string, lookFirst: boolean, now: Date): Promise<PayoutStep> {
  const provider = mpesaPayoutProvider();
  if (provider.name === "unavailable") return failAttempt(payout.id, provider.reason, now);
  if (lookFirst) {
    const status = await provider.status(attemptRef);
    if (status.state === "final") return settleFromStatus(payout.id, status.outcome, now);
    if (status.state === "pending") return "pending_status";
  }
  let sent: Awaited<ReturnType<typeof provider.send>>;
  try {
    sent = await provider.send({
      originatorConversationId: attemptRef,
      amountKes: Number(payout.amountMinor / 100n),
      phone: payout.destination,
      remarks: "Harambee creator payout",
      occasion: `Payout ${payout.id.slice(0, 8)}`,
    });
  } catch (error) {
    // Refused outright (a 4xx): nothing was sent. Otherwise the job retries and looks first.
    const status = (error as { status?: number }).status;
    if (typeof status === "number" && status >= 400 && status < 500) return failAttempt(payout.id, (error as Error).message, now);
    throw error;
  }
  await getDb().$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE payouts SET provider_ref = ${sent.conversationId}, sandbox = ${provider.name === "sandbox"}, updated_at = now()
                          WHERE id = ${payout.id}::uuid AND attempt_ref = ${attemptRef} AND provider_ref IS NULL`;
  });
  if (sent.simulatedResult) await deliverMpesaResult({ kind: "result", body: sent.simulatedResult, receivedAt: now.toISOString() });
  return "sent";
}

async function settleFromStatus(
  payoutId: string,
  outcome: Parameters<typeof applyMpesaOutcome>[0]["outcome"],
  now: Date,
): Promise<PayoutStep> {
  const result = await applyMpesaOutcome({ outcome, now, source: "status_query" });
  return result === "paid" ? "paid" : result === "failed" ? "retry_scheduled" : "awaiting_result";
}

export async function processPayout(options: ProcessPayoutOptions): Promise<PayoutStep> {
  const next = await plan(options);
  if ("done" in next) return next.done;
  if (next.call === "stripe") return payByStripe(next.payout, next.attemptRef, options.now);
  if (next.call === "mpesa") return payByMpesa(next.payout, next.attemptRef, next.lookFirst, options.now);
  const provider = mpesaPayoutProvider();
  if (provider.name === "unavailable") return "awaiting_result";
  const status = await provider.status(next.attemptRef);
  if (status.state === "final") return settleFromStatus(next.payout.id, status.outcome, options.now);
  if (status.state === "unknown") {
    // Daraja accepted the request (we hold its ConversationID) yet does not know it: keep waiting
    // for the result rather than sending again; the sweep asks again later.
    return "awaiting_result";
  }
  return "pending_status";
}
