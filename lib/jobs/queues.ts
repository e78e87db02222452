/**
 * What each queue's jobs do. Delivery is at least once (a job whose worker died is handed out
 * again), so every handler is idempotent: it re-reads the records and does only what is still
 * to be done. A handler that throws is retried with the queue's backoff (queue-definitions.ts).
 */
import type { Job, PgBoss } from "pg-boss";
import { autoApproveDeliverable, autoApproveOverdueDeliverables } from "../partnerships/auto-approve-deliverables";
import { applyMpesaCallback, type MpesaCallback } from "../payouts/apply-mpesa-result";
import { processPayout } from "../payouts/process-payout";
import { sweepPayouts } from "../payouts/sweep-payouts";
import { applyPaybillConfirmation } from "../sponsorship/apply-paybill-confirmation";
import { reconcileMpesaPayments } from "../sponsorship/reconcile-mpesa-payments";
import { applyStkCallback, type StkCallback } from "../sponsorship/receive-mpesa-callback";
import { expireOverduePayments } from "../sponsorship/expire-payments";
import { runDueStandingOrders } from "../standing-orders/run-due-standing-orders";
import { attemptDelivery, sweepWebhookDeliveries } from "../webhooks/deliver-webhook";
import { jobNow } from "./clock";
import { QUEUES, type QueueName } from "./queue-names";

type Handler = (data: Record<string, unknown>, job: Job<Record<string, unknown>>) => Promise<unknown>;

const text = (value: unknown, name: string): string => {
  if (typeof value !== "string" || !value) throw new Error(`Job data has no ${name}`);
  return value;
};

export const JOB_HANDLERS: Record<QueueName, Handler> = {
  [QUEUES.reviewDeadline]: async (data) => ({
    approved: await autoApproveDeliverable({ deliverableId: text(data.deliverableId, "deliverableId"), now: jobNow() }),
  }),
  [QUEUES.reviewDeadlineSweep]: async () => ({ approved: await autoApproveOverdueDeliverables({ now: jobNow() }) }),
  [QUEUES.payout]: async (data) => ({
    step: await processPayout({ payoutId: text(data.payoutId, "payoutId"), now: jobNow(), check: data.check === true }),
  }),
  [QUEUES.payoutSweep]: async () => sweepPayouts({ now: jobNow() }),
  [QUEUES.mpesaResult]: async (data) => ({ applied: await applyMpesaCallback(data as unknown as MpesaCallback, jobNow()) }),
  [QUEUES.mpesaStkResult]: async (data) => ({ applied: await applyStkCallback(data as unknown as StkCallback, jobNow()) }),
  [QUEUES.mpesaStkReconcileSweep]: async () => reconcileMpesaPayments({ now: jobNow() }),
  [QUEUES.mpesaPaybillConfirmation]: async (data) => ({ applied: await applyPaybillConfirmation({ body: data.body, now: jobNow() }) }),
  [QUEUES.paymentExpirySweep]: async () => expireOverduePayments({ now: jobNow() }),
  [QUEUES.standingOrderSweep]: async () => runDueStandingOrders({ now: jobNow() }),
  [QUEUES.webhookDelivery]: async (data) => ({
    outcome: await attemptDelivery({ deliveryId: text(data.deliveryId, "deliveryId"), now: jobNow() }),
  }),
  [QUEUES.webhookDeliverySweep]: async () => sweepWebhookDeliveries({ now: jobNow() }),
};

/** The periodic jobs (pg-boss cron, evaluated in UTC). */
export const SCHEDULES: Array<{ queue: QueueName; cron: string }> = [
  { queue: QUEUES.reviewDeadlineSweep, cron: "* * * * *" },
  { queue: QUEUES.payoutSweep, cron: "* * * * *" },
  { queue: QUEUES.mpesaStkReconcileSweep, cron: "* * * * *" },
  { queue: QUEUES.paymentExpirySweep, cron: "* * * * *" },
  { queue: QUEUES.standingOrderSweep, cron: "* * * * *" },
  { queue: QUEUES.webhookDeliverySweep, cron: "* * * * *" },
];

/** Registers a worker for every queue. */
export async function registerWorkers(boss: PgBoss, options: { pollingIntervalSeconds?: number } = {}): Promise<void> {
  for (const [queue, handler] of Object.entries(JOB_HANDLERS) as Array<[QueueName, Handler]>) {
    await boss.work<Record<string, unknown>>(
      queue,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? Number(process.env.JOBS_POLL_SECONDS ?? 2), batchSize: 1 },
      async ([job]) => handler(job!.data ?? {}, job!),
    );
  }
}

/**
 * Runs the jobs of one queue that are due now, one at a time, in this call: what a worker would do,
 * without waiting for its poll. Tests use it to go through the queue deterministically.
 */
export async function runDueJobs(boss: PgBoss, queue: QueueName, options: { limit?: number } = {}): Promise<number> {
  let ran = 0;
  for (; ran < (options.limit ?? 100); ran += 1) {
    const [job] = await boss.fetch<Record<string, unknown>>(queue);
    if (!job) break;
    try {
      const output = await JOB_HANDLERS[queue](job.data ?? {}, job);
      await boss.complete(queue, job.id, (output as object | undefined) ?? null);
    } catch (error) {
      await boss.fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) });
    }
  }
  return ran;
}
