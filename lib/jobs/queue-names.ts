/** The job queues, by what their jobs do. */
export const QUEUES = {
  /** One deliverable's review deadline came: approve it if it is still waiting. */
  reviewDeadline: "deliverable-review-deadline",
  /** Every minute: approve every deliverable whose review deadline has passed. */
  reviewDeadlineSweep: "deliverable-review-deadline-sweep",
  /** Pay one payout out (Stripe transfer or M-Pesa B2C), or check on one already sent. */
  payout: "payout",
  /** Every minute: queue every pending payout that no job is working on. */
  payoutSweep: "payout-sweep",
  /** Apply one M-Pesa B2C result or timeout callback to its payout. */
  mpesaResult: "mpesa-b2c-result",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
