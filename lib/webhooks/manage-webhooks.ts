/**
 * An organisation's webhooks: registered, listed and deleted by its owners and admins,
 * with each endpoint's delivery log, and a delivery resent on request.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";
import { organizationOf } from "../organizations/list-members";
import { requirePermission } from "../organizations/permissions";
import type { EventType } from "../events/event-types";
import { checkEndpointUrl } from "./endpoint-address";
import { newWebhookSecret } from "./signature";
import type { createWebhookBody, deliveryItem, webhookAttempt, webhookItem } from "./schemas/webhooks";

type WebhookItem = z.infer<typeof webhookItem>;
type DeliveryItem = z.infer<typeof deliveryItem>;

/** How many deliveries the log shows, newest first. */
const DELIVERY_LOG_LIMIT = 100;

function manager(actor: Actor): string {
  const organizationId = organizationOf(actor);
  requirePermission(actor, "manage");
  return organizationId;
}

const include = { createdBy: { select: { name: true } } } as const;

function view(endpoint: {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  createdAt: Date;
  disabledAt: Date | null;
  createdBy: { name: string };
}): WebhookItem {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    event_types: endpoint.eventTypes as EventType[],
    created_by: endpoint.createdBy.name,
    created_at: endpoint.createdAt.toISOString(),
    disabled_at: endpoint.disabledAt?.toISOString() ?? null,
  };
}

export async function listWebhooks(options: { actor: Actor }): Promise<{ webhooks: WebhookItem[] }> {
  const organizationId = manager(options.actor);
  const rows = await getDb().webhookEndpoint.findMany({
    where: { organizationId },
    include,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  return { webhooks: rows.map(view) };
}

export async function createWebhook(options: {
  actor: Actor;
  body: z.output<typeof createWebhookBody>;
}): Promise<{ webhook: WebhookItem; secret: string }> {
  const organizationId = manager(options.actor);
  const url = await checkEndpointUrl(options.body.url);
  const secret = newWebhookSecret();
  const endpoint = await getDb().webhookEndpoint.create({
    data: {
      organizationId,
      url: url.toString(),
      description: options.body.description || null,
      eventTypes: [...new Set(options.body.event_types)],
      secret,
      createdById: options.actor.id,
    },
    include,
  });
  return { webhook: view(endpoint), secret };
}

async function endpointOf(actor: Actor, webhookId: string) {
  const organizationId = manager(actor);
  return findOrNotFound("Webhook", webhookId, (id) => getDb().webhookEndpoint.findFirst({ where: { id, organizationId }, include }));
}

/** Deletes an endpoint: nothing more is sent to it; its log stays readable. */
export async function deleteWebhook(options: { actor: Actor; webhookId: string; now?: Date }): Promise<{ webhook: WebhookItem }> {
  const endpoint = await endpointOf(options.actor, options.webhookId);
  const updated = endpoint.disabledAt
    ? endpoint
    : await getDb().webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: options.now ?? new Date() }, include });
  return { webhook: view(updated) };
}

function deliveryView(d: {
  id: string;
  eventId: string;
  status: DeliveryItem["status"];
  attempts: number;
  attemptLog: unknown;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
  event: { type: string };
}): DeliveryItem {
  return {
    id: d.id,
    event_id: d.eventId,
    event_type: d.event.type as EventType,
    status: d.status,
    attempts: d.attempts,
    last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
    last_status_code: d.lastStatusCode,
    last_error: d.lastError,
    next_attempt_at: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
    attempt_log: d.attemptLog as Array<z.infer<typeof webhookAttempt>>,
  };
}

export async function listDeliveries(options: { actor: Actor; webhookId: string }): Promise<{ deliveries: DeliveryItem[] }> {
  const endpoint = await endpointOf(options.actor, options.webhookId);
  const rows = await getDb().webhookDelivery.findMany({
    where: { endpointId: endpoint.id },
    include: { event: { select: { type: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_LOG_LIMIT,
  });
  return { deliveries: rows.map(deliveryView) };
}

/** Sends a delivery again now, whatever became of it, with a fresh round of retries. */
export async function resendDelivery(options: {
  actor: Actor;
  webhookId: string;
  deliveryId: string;
  now?: Date;
}): Promise<{ delivery: DeliveryItem }> {
  const endpoint = await endpointOf(options.actor, options.webhookId);
  const now = options.now ?? new Date();
  const delivery = await getDb().$transaction(async (tx) => {
    const found = await findOrNotFound("Delivery", options.deliveryId, (id) =>
      tx.webhookDelivery.findFirst({ where: { id, endpointId: endpoint.id } }),
    );
    const updated = await tx.webhookDelivery.update({
      where: { id: found.id },
      data: { status: "pending", attempts: 0, nextAttemptAt: now, deliveredAt: null },
      include: { event: { select: { type: true } } },
    });
    await enqueue(tx, QUEUES.webhookDelivery, { deliveryId: found.id });
    return updated;
  });
  return { delivery: deliveryView(delivery) };
}
