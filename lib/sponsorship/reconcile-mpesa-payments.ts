/**
 * The M-Pesa reconciliation sweep. A callback can go missing (Safaricom could not reach us, or
 * gave up), so a pending Daraja payment with no result some time after its prompt is asked
 * about with STK Query, with a growing pause between queries. A definite answer is applied as
 * the callback would apply it (applyStkResult); "still processing" leaves the payment pending,
 * unless it is past its expiry: then nobody can answer the prompt any more and it fails as
 * expired. Each due payment is claimed (its last_queried_at moved on) under FOR UPDATE SKIP
 * LOCKED, so two sweeps never query the same payment at once.
 */
import { darajaClientFor, DarajaError } from "../daraja/client";
import { darajaConfig, stkConfig } from "../daraja/config";
import { queryStkStatus } from "../daraja/stk";
import { getDb, Prisma } from "../db";
import { settlePayment } from "./complete-payment";
import { applyStkResult, PROMPT_LIFETIME_MS } from "./mpesa";
import { EXPIRED_MESSAGE } from "./mpesa-result-codes";

/** Pause after the n-th query: one minute, doubling, at most ten. */
const FIRST_PAUSE_SECONDS = 60;
const LONGEST_PAUSE_SECONDS = 600;
const BATCH = 50;

export interface ReconcileSummary {
  queried: number;
  settled: number;
  expired: number;
  processing: number;
  errors: number;
}

interface Claimed {
  id: string;
  provider_ref: string;
  expires_at: Date;
}

/** A payment recorded without an expiry (before expiries were kept) expires as a new one would. */
const EXPIRES_AT = Prisma.sql`COALESCE(expires_at, created_at + ${PROMPT_LIFETIME_MS} * interval '1 millisecond')`;

async function claimDuePayments(now: Date, queryAfterSeconds: number): Promise<Claimed[]> {
  const sentBefore = new Date(now.getTime() - queryAfterSeconds * 1000);
  return getDb().$transaction(async (tx) => {
    const due = await tx.$queryRaw<Claimed[]>`
      SELECT id, provider_ref, ${EXPIRES_AT} AS expires_at FROM payments
      WHERE status = 'pending' AND method = 'mpesa' AND sandbox = false
        AND provider_ref IS NOT NULL AND result_received_at IS NULL
        AND created_at <= ${sentBefore}
        AND (
          last_queried_at IS NULL
          OR last_queried_at <= ${now}::timestamptz
               - LEAST(${FIRST_PAUSE_SECONDS} * power(2, GREATEST(query_attempts - 1, 0)), ${LONGEST_PAUSE_SECONDS}) * interval '1 second'
          OR (${EXPIRES_AT} <= ${now}::timestamptz AND last_queried_at < ${EXPIRES_AT})
        )
      ORDER BY created_at
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`;
    if (due.length) {
      await tx.payment.updateMany({
        where: { id: { in: due.map((row) => row.id) } },
        data: { lastQueriedAt: now, queryAttempts: { increment: 1 } },
      });
    }
    return due;
  });
}

/** Fails a payment still pending past its expiry; one settled meanwhile stays as it is. */
async function expirePayment(paymentId: string, now: Date): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
    const payment = await tx.payment.findUnique({ where: { id: paymentId }, select: { status: true } });
    if (payment?.status !== "pending") return false;
    await settlePayment(tx, { paymentId, outcome: "failed", reason: EXPIRED_MESSAGE, failureCode: "expired", now });
    return true;
  });
}

export async function reconcileMpesaPayments(options: { now: Date }): Promise<ReconcileSummary> {
  const { now } = options;
  const summary: ReconcileSummary = { queried: 0, settled: 0, expired: 0, processing: 0, errors: 0 };
  const daraja = darajaConfig();
  const stk = stkConfig();
  if (!daraja || "missing" in stk) return summary;
  const client = darajaClientFor(daraja);

  for (const payment of await claimDuePayments(now, stk.queryAfterSeconds)) {
    summary.queried += 1;
    const expired = payment.expires_at.getTime() <= now.getTime();
    try {
      const answer = await queryStkStatus(client, stk, payment.provider_ref, now);
      if (answer.state === "final") {
        await applyStkResult({
          result: {
            MerchantRequestID: answer.merchantRequestId ?? "",
            CheckoutRequestID: payment.provider_ref,
            ResultCode: answer.resultCode,
            ResultDesc: answer.resultDesc,
          },
          source: "query",
          payload: answer.body,
          now,
        });
        summary.settled += 1;
      } else if (expired) {
        if (await expirePayment(payment.id, now)) summary.expired += 1;
      } else {
        summary.processing += 1;
      }
    } catch (error) {
      // Daraja answered, and does not know the prompt: past its expiry nobody can pay it any more.
      // An uncertain failure (unreachable, 5xx) leaves it for the next query.
      if (expired && error instanceof DarajaError && !error.uncertain) {
        if (await expirePayment(payment.id, now)) summary.expired += 1;
      } else {
        summary.errors += 1;
        console.warn(`STK Query for payment ${payment.id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return summary;
}
