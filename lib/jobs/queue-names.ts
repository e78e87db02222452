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
  /** Apply one M-Pesa STK push result callback to its partner payment. */
  mpesaStkResult: "mpesa-stk-result",
  /** Every minute: ask Daraja (STK Query) about pending M-Pesa payments whose result never came. */
  mpesaStkReconcileSweep: "mpesa-stk-reconcile-sweep",
  /** Apply one M-Pesa Paybill (C2B) confirmation to the payment its account number names. */
  mpesaPaybillConfirmation: "mpesa-c2b-confirmation",
  /** Every minute: fail as expired every pending bank transfer or PayPal payment past its expiry. */
  paymentExpirySweep: "payment-expiry-sweep",
  /** Every minute: run the standing orders that fell due and retry their failed attempts. */
  standingOrderSweep: "standing-order-sweep",
  /** Send one event to one webhook endpoint, as soon as it happened. */
  webhookDelivery: "webhook-delivery",
  /** Every minute: send the webhook deliveries that are due: new ones no job sent, and retries (lib/webhooks/retry-schedule.ts). */
  webhookDeliverySweep: "webhook-delivery-sweep",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
