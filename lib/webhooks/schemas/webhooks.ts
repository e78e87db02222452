/** Requests and answers of /api/v1/organization/webhooks and GET /api/v1/events. */
import { z } from "zod";
import { EVENT_TYPES } from "../../events/event-types";
import { uuidString } from "../../schemas/ids";

export const eventType = z.enum(EVENT_TYPES);

export const createWebhookBody = z.object({
  url: z.string().trim().min(1, "is required").max(2_000).describe("An https URL whose host resolves only to public addresses"),
  event_types: z.array(eventType).min(1, "choose at least one event type").max(EVENT_TYPES.length),
  description: z.string().trim().max(200).optional(),
});

export const webhookItem = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  event_types: z.array(eventType),
  created_by: z.string(),
  created_at: z.string(),
  disabled_at: z.string().nullable().describe("When it was deleted: nothing is sent to it after that"),
});

export const listWebhooksResponse = z.object({ webhooks: z.array(webhookItem) });
export const webhookCreatedResponse = z.object({
  webhook: webhookItem,
  secret: z.string().describe("The signing secret (whsec_…), shown only in this answer: verify each delivery's Harambee-Signature with it"),
});

export const webhookAttempt = z.object({
  at: z.string(),
  status: z
    .number()
    .int()
    .nullable()
    .describe("The receiver's HTTP status, or null when there was none (timeout, refused address, connection error)"),
  error: z.string().nullable(),
  ms: z.number().int(),
});

export const deliveryItem = z.object({
  id: z.string(),
  event_id: z.string(),
  event_type: eventType,
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  last_attempt_at: z.string().nullable(),
  last_status_code: z.number().int().nullable(),
  last_error: z.string().nullable(),
  next_attempt_at: z.string().nullable().describe("When it is tried next, while pending"),
  delivered_at: z.string().nullable(),
  created_at: z.string(),
  attempt_log: z.array(webhookAttempt),
});
export const listDeliveriesResponse = z.object({ deliveries: z.array(deliveryItem) });
export const deliveryResponse = z.object({ delivery: deliveryItem });

export const listEventsQuery = z.object({
  type: eventType.optional(),
  after: uuidString.optional().describe("Only events after this one, oldest first: the last id a poller saw"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const eventItem = z.object({
  id: z.string(),
  type: eventType,
  created_at: z.string(),
  organization_id: z.string(),
  subject: z.object({ type: z.string(), id: z.string() }),
  summary: z.string(),
  link: z.string().describe("The app's page for it, from the app's origin"),
  data: z.record(z.string(), z.unknown()),
});
export const listEventsResponse = z.object({
  events: z.array(eventItem),
  has_more: z.boolean(),
});
