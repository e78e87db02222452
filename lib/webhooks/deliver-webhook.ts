/**
 * Sends one delivery: its event, signed, to its endpoint. An attempt first claims the
 * delivery by pushing its next attempt on (so a job and the sweep never send it at once),
 * sends outside any transaction, then records the answer: a 2xx delivers it; anything
 * else (an error status, a timeout, a refused address) is an attempt logged and retried
 * on the schedule of retry-schedule.ts until it is marked failed.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { getDb } from "../db";
import { guardedLookup, refusedLiteral } from "./endpoint-address";
import { MAX_ATTEMPTS, retryDelaySeconds } from "./retry-schedule";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

/** How long an attempt may take before it counts as a timeout. */
const timeoutMs = () => Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);
/** Longer than any attempt: a claim that outlives its sender lets the sweep try again. */
const CLAIM_SECONDS = 120;

export type AttemptOutcome = "delivered" | "retrying" | "failed" | "not_due";

interface SendResult {
  status: number | null;
  error: string | null;
  ms: number;
}

/** The body a receiver gets: the event as GET /api/v1/events shows it. */
export function eventPayload(event: {
  id: string;
  type: string;
  organizationId: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  link: string;
  summary: string;
  createdAt: Date;
}) {
  return {
    id: event.id,
    type: event.type,
    created_at: event.createdAt.toISOString(),
    organization_id: event.organizationId,
    subject: { type: event.subjectType, id: event.subjectId },
    summary: event.summary,
    link: event.link,
    data: event.data,
  };
}

function send(url: string, body: string, headers: Record<string, string>): Promise<SendResult> {
  const started = Date.now();
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  const refused = refusedLiteral(target.hostname);
  if (refused) return Promise.resolve({ status: null, error: refused, ms: 0 });
  return new Promise((resolve) => {
    const done = (status: number | null, error: string | null) => resolve({ status, error, ms: Date.now() - started });
    const req = request(
      target,
      {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body).toString() },
        lookup: guardedLookup as never,
        timeout: timeoutMs(),
      },
      (res) => {
        res.resume();
        res.on("end", () => done(res.statusCode ?? null, null));
        res.on("error", (error) => done(res.statusCode ?? null, error.message));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timed out after ${timeoutMs()} ms`)));
    req.on("error", (error) => done(null, error.message));
    req.end(body);
  });
}

export async function attemptDelivery(options: { deliveryId: string; now?: Date }): Promise<AttemptOutcome> {
  const now = options.now ?? new Date();
  const db = getDb();
  const claimed = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE webhook_deliveries SET next_attempt_at = ${new Date(now.getTime() + CLAIM_SECONDS * 1000)}
     WHERE id = ${options.deliveryId}::uuid AND status = 'pending' AND next_attempt_at <= ${now}
    RETURNING id::text`;
  if (claimed.length === 0) return "not_due";
  const delivery = await db.webhookDelivery.findUniqueOrThrow({
    where: { id: options.deliveryId },
    include: { endpoint: true, event: true },
  });
  const attempts = delivery.attempts + 1;
  const result: SendResult = delivery.endpoint.disabledAt
    ? { status: null, error: "The endpoint was deleted", ms: 0 }
    : await (async () => {
        const body = JSON.stringify(eventPayload(delivery.event));
        const timestamp = Math.floor(Date.now() / 1000);
        return send(delivery.endpoint.url, body, {
          "User-Agent": "Harambee-Webhooks/1.0",
          [SIGNATURE_HEADER]: signatureHeader(delivery.endpoint.secret, timestamp, body),
          "Harambee-Event-Id": delivery.event.id,
          "Harambee-Delivery-Id": delivery.id,
        });
      })();
  const delivered = result.status !== null && result.status >= 200 && result.status < 300;
  const error = delivered ? null : (result.error ?? `answered ${result.status}`);
  const delay = delivered || delivery.endpoint.disabledAt ? null : retryDelaySeconds(attempts);
  const outcome: AttemptOutcome = delivered ? "delivered" : delay === null ? "failed" : "retrying";
  const entry = JSON.stringify([{ at: now.toISOString(), status: result.status, error, ms: result.ms }]);
  await db.$executeRaw`
    UPDATE webhook_deliveries
       SET attempts = ${attempts},
           attempt_log = attempt_log || ${entry}::jsonb,
           last_attempt_at = ${now},
           last_status_code = ${result.status},
           last_error = ${error},
           status = ${outcome === "retrying" ? "pending" : outcome === "delivered" ? "succeeded" : "failed"}::"WebhookDeliveryStatus",
           delivered_at = ${delivered ? now : null},
           next_attempt_at = ${delay === null ? now : new Date(now.getTime() + delay * 1000)}
     WHERE id = ${delivery.id}::uuid`;
  return outcome;
}

/** Sends every delivery that is due: new ones no job sent, and the retries whose time came. */
export async function sweepWebhookDeliveries(options: { now?: Date; limit?: number } = {}): Promise<Record<AttemptOutcome, number>> {
  const now = options.now ?? new Date();
  const due = await getDb().$queryRaw<Array<{ id: string }>>`
    SELECT id::text FROM webhook_deliveries
     WHERE status = 'pending' AND next_attempt_at <= ${now}
     ORDER BY next_attempt_at LIMIT ${options.limit ?? 100}`;
  const counts: Record<AttemptOutcome, number> = { delivered: 0, retrying: 0, failed: 0, not_due: 0 };
  for (const { id } of due) counts[await attemptDelivery({ deliveryId: id, now })] += 1;
  return counts;
}

export { MAX_ATTEMPTS };
