/**
 * Records an event for an organisation inside the transaction of the change it reports, so
 * it exists exactly when the change does: a notification for each active member, and a
 * delivery (with its job queued on the same transaction) for each of the organisation's
 * webhooks that chose the type.
 */
import { randomUUID } from "node:crypto";
import type { DbTx, Prisma } from "../db";
import { enqueue } from "../jobs/enqueue";
import { QUEUES } from "../jobs/queue-names";
import type { EventType } from "./event-types";

export interface EventInput {
  organizationId: string;
  type: EventType;
  subject: { type: string; id: string };
  data: Prisma.InputJsonObject;
  /** The page that needs attention, from the app's origin. */
  link: string;
  summary: string;
  at: Date;
}

export async function emitEvent(tx: DbTx, event: EventInput): Promise<string> {
  const id = randomUUID();
  await tx.event.create({
    data: {
      id,
      organizationId: event.organizationId,
      type: event.type,
      subjectType: event.subject.type,
      subjectId: event.subject.id,
      data: event.data,
      link: event.link,
      summary: event.summary,
      createdAt: event.at,
    },
  });
  await tx.$executeRaw`
    INSERT INTO notifications (id, user_id, event_id, created_at)
    SELECT gen_random_uuid(), m.user_id, ${id}::uuid, ${event.at}
      FROM memberships m JOIN users u ON u.id = m.user_id AND u.active
     WHERE m.organization_id = ${event.organizationId}::uuid`;
  const deliveries = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO webhook_deliveries (id, endpoint_id, event_id, created_at, next_attempt_at)
    SELECT gen_random_uuid(), w.id, ${id}::uuid, ${event.at}, ${event.at}
      FROM webhook_endpoints w
     WHERE w.organization_id = ${event.organizationId}::uuid AND w.disabled_at IS NULL AND ${event.type} = ANY (w.event_types)
    RETURNING id::text`;
  for (const delivery of deliveries) await enqueue(tx, QUEUES.webhookDelivery, { deliveryId: delivery.id });
  return id;
}

/** The organisation a party account (or any user) acts for; null for one without. */
export async function organizationOfUser(tx: DbTx, userId: string): Promise<string | null> {
  return (await tx.user.findUnique({ where: { id: userId }, select: { organizationId: true } }))?.organizationId ?? null;
}

/** Emits the event to the organisation of the user, when they have one. */
export async function emitEventToUser(tx: DbTx, userId: string, event: Omit<EventInput, "organizationId">): Promise<void> {
  const organizationId = await organizationOfUser(tx, userId);
  if (organizationId) await emitEvent(tx, { ...event, organizationId });
}
