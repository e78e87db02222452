/** How each queue retries and keeps its jobs (pg-boss queue options). */
import type { Queue } from "pg-boss";
import { QUEUES, type QueueName } from "./queue-names";

const sweep = { policy: "singleton", retryLimit: 0, expireInSeconds: 120, deleteAfterSeconds: 3600 } as const;

export const QUEUE_DEFINITIONS: Record<QueueName, Omit<Queue, "name">> = {
  [QUEUES.reviewDeadline]: { retryLimit: 10, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 },
  [QUEUES.reviewDeadlineSweep]: sweep,
  // A payout job that keeps failing stays retried for about a day; the sweep queues it again after that.
  [QUEUES.payout]: { retryLimit: 12, retryDelay: 60, retryBackoff: true, retryDelayMax: 3 * 3600, expireInSeconds: 300 },
  [QUEUES.payoutSweep]: sweep,
  [QUEUES.mpesaResult]: { retryLimit: 10, retryDelay: 10, retryBackoff: true, retryDelayMax: 3600 },
  [QUEUES.mpesaStkResult]: { retryLimit: 10, retryDelay: 10, retryBackoff: true, retryDelayMax: 3600 },
  [QUEUES.mpesaStkReconcileSweep]: sweep,
  [QUEUES.mpesaPaybillConfirmation]: { retryLimit: 10, retryDelay: 10, retryBackoff: true, retryDelayMax: 3600 },
  [QUEUES.paymentExpirySweep]: sweep,
  [QUEUES.standingOrderSweep]: sweep,
  // A failed attempt is not a failed job: the delivery's own schedule retries it (the sweep).
  [QUEUES.webhookDelivery]: { retryLimit: 2, retryDelay: 30, expireInSeconds: 120 },
  [QUEUES.webhookDeliverySweep]: sweep,
};
