/**
 * Safaricom's STK push callbacks. The route checks the secret path token (and the sender,
 * lib/daraja/callback-guard.ts) and the body's shape, hands the body here and answers at once:
 * a slow or non-200 answer makes Safaricom retry and can get the endpoint blacklisted. The
 * result job then applies it (applyStkResult: amount and phone checked, once per
 * CheckoutRequestID, the raw body kept). Without a queue in this process it is applied now.
 */
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";
import { applyStkResult, mpesaCallbackBody } from "./mpesa";

export interface StkCallback {
  /** The body as Safaricom posted it. */
  body: unknown;
  receivedAt: string;
}

export async function receiveStkCallback(body: unknown): Promise<void> {
  const callback: StkCallback = { body, receivedAt: new Date().toISOString() };
  const queued = await enqueue(null, QUEUES.mpesaStkResult, callback);
  if (!queued) await applyStkCallback(callback, new Date());
}

export type StkCallbackOutcome = "applied" | "unmatched" | "invalid";

/** The result job: applies one stored callback. */
export async function applyStkCallback(callback: StkCallback, now: Date): Promise<StkCallbackOutcome> {
  const parsed = mpesaCallbackBody.safeParse(callback.body);
  if (!parsed.success) return "invalid";
  const result = parsed.data.Body.stkCallback;
  const applied = await applyStkResult({ result, source: "safaricom", payload: callback.body, now });
  // Acknowledged either way: an unknown id is logged for reconciliation, not retried by Safaricom.
  if (!applied) console.warn(`M-Pesa result for unknown CheckoutRequestID ${result.CheckoutRequestID}`);
  return applied ? "applied" : "unmatched";
}
