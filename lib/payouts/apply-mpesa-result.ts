/**
 * M-Pesa B2C results. Safaricom posts them unsigned to our callback routes; the route checks its
 * secret path token, validates the body and hands it here to be queued (the raw body is kept in
 * the job), answering at once. The result job then applies it to the payout it names by
 * OriginatorConversationID (our attemptRef) or ConversationID (providerRef), once: a duplicate or
 * a result for an attempt already settled changes nothing. ResultCode 0 pays the payout (with its
 * TransactionReceipt) when the amount it reports is the payout's; any other code fails the attempt and schedules a new one, the money staying
 * in creator payable. A timeout is not a failure: the payout's status is queried first.
 */
import { getDb } from "../db";
import { b2cOutcome, b2cResultBody, type B2COutcome } from "../daraja/b2c";
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";
import { logActivity } from "../partnerships/log-activity";
import { queuePayout } from "./create-payout";
import { lockPayout, markPayoutFailed, markPayoutPaid, MAX_PAYOUT_ATTEMPTS, retryDelayMs } from "./settle-payout";

export interface MpesaCallback {
  kind: "result" | "timeout";
  /** The body as Safaricom posted it. */
  body: unknown;
  receivedAt: string;
}

export type MpesaOutcomeResult = "paid" | "failed" | "already_applied" | "unmatched";

/** Queues a callback for the result job, or applies it now when no queue runs in this process. */
export async function deliverMpesaResult(callback: MpesaCallback): Promise<void> {
  const queued = await enqueue(null, QUEUES.mpesaResult, callback);
  if (!queued) await applyMpesaCallback(callback, new Date());
}

/** The result job: applies one stored callback. */
export async function applyMpesaCallback(callback: MpesaCallback, now: Date): Promise<MpesaOutcomeResult | "checking"> {
  const parsed = b2cResultBody.safeParse(callback.body);
  if (!parsed.success) return "unmatched";
  const outcome = b2cOutcome(parsed.data);
  if (callback.kind === "timeout") {
    // Safaricom gave up waiting; the money may still have moved. Ask before anything is resent.
    const payout = await getDb().payout.findFirst({
      where: {
        OR: [
          { attemptRef: outcome.originatorConversationId },
          ...(outcome.conversationId ? [{ providerRef: outcome.conversationId }] : []),
        ],
      },
      select: { id: true },
    });
    if (!payout) return "unmatched";
    await enqueueOrRun(payout.id);
    return "checking";
  }
  return applyMpesaOutcome({ outcome, now, source: "callback" });
}

async function enqueueOrRun(payoutId: string): Promise<void> {
  const queued = await queuePayout(null, payoutId, { check: true });
  if (queued) return;
  const { processPayout } = await import("./process-payout");
  await processPayout({ payoutId, now: new Date(), check: true });
}

export async function applyMpesaOutcome(options: {
  outcome: B2COutcome;
  now: Date;
  source: "callback" | "status_query";
}): Promise<MpesaOutcomeResult> {
  const { outcome, now } = options;
  return getDb().$transaction(async (tx) => {
    const payout = await lockPayout(tx, { attemptRef: outcome.originatorConversationId, providerRef: outcome.conversationId ?? undefined });
    if (!payout || payout.method !== "mpesa") return "unmatched";
    if (payout.status === "paid") return "already_applied";
    // A result for an earlier attempt, or one this attempt already took.
    if (payout.attemptRef !== outcome.originatorConversationId && payout.providerRef !== outcome.conversationId) return "already_applied";
    if (payout.status === "failed") return "already_applied";
    if (outcome.resultCode === "0" && outcome.amountMinor !== null && outcome.amountMinor !== payout.amountMinor) {
      // The callback is unsigned: a success for another amount pays nothing, and waits for a person.
      console.warn(`Payout ${payout.id}: M-Pesa reported ${outcome.amountMinor} minor units paid, not ${payout.amountMinor}; not applied`);
      await logActivity(tx, {
        partnershipId: payout.partnershipId,
        userId: null,
        type: "payout_result_mismatch",
        description: `M-Pesa reported a payout of another amount than the creator is owed; it is not recorded as paid until checked`,
        metadata: { payoutId: payout.id, reportedMinor: outcome.amountMinor.toString(), source: options.source },
        at: now,
      });
      return "unmatched";
    }
    if (outcome.resultCode === "0") {
      await markPayoutPaid(tx, payout.id, {
        providerRef: outcome.conversationId,
        receipt: outcome.receipt,
        sandbox: payout.sandbox,
        at: now,
      });
      return "paid";
    }
    const reason = `M-Pesa result ${outcome.resultCode}: ${outcome.resultDesc || "no description"}`;
    await markPayoutFailed(tx, payout.id, { reason, at: now });
    if (outcome.conversationId && !payout.providerRef) {
      await tx.payout.update({ where: { id: payout.id }, data: { providerRef: outcome.conversationId } });
    }
    await logActivity(tx, {
      partnershipId: payout.partnershipId,
      userId: null,
      type: "payout_failed",
      description: `The M-Pesa payout failed (${reason}); the money stays with Harambee for the creator and is sent again`,
      metadata: { payoutId: payout.id, resultCode: outcome.resultCode, source: options.source },
      at: now,
    });
    if (payout.attempts < MAX_PAYOUT_ATTEMPTS)
      await queuePayout(tx, payout.id, { startAfter: new Date(now.getTime() + retryDelayMs(payout.attempts)) });
    return "failed";
  });
}
