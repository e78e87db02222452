/**
 * The organisation's events, oldest first, for consumers that poll: pass the last id seen
 * as `after`. An event appears when the change it reports commits, so one committed a
 * moment late can sort before the last id seen: re-read from a little earlier and skip
 * ids already handled (every event has one id, as its webhook deliveries do). Any member
 * may read them; an API key sees the events of the areas it may read.
 */
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { getDb, Prisma } from "../db";
import { AppError } from "../errors";
import { organizationOf } from "../organizations/list-members";
import { requirePermission } from "../organizations/permissions";
import { eventPayload } from "../webhooks/deliver-webhook";
import type { eventItem, listEventsQuery } from "../webhooks/schemas/webhooks";
import { EVENT_AREAS, EVENT_TYPES, type EventType } from "./event-types";

export async function listEvents(options: {
  actor: Actor;
  query: z.output<typeof listEventsQuery>;
}): Promise<{ events: Array<z.infer<typeof eventItem>>; has_more: boolean }> {
  const organizationId = organizationOf(options.actor);
  requirePermission(options.actor, "read");
  const { query, actor } = options;
  const readable = actor.apiKey
    ? EVENT_TYPES.filter((type) => actor.apiKey!.scopes.includes(`${EVENT_AREAS[type]}:read`))
    : [...EVENT_TYPES];
  const types = query.type ? readable.filter((type) => type === query.type) : readable;
  if (types.length === 0) return { events: [], has_more: false };
  const db = getDb();
  const cursor = query.after
    ? await db.event.findFirst({ where: { id: query.after, organizationId }, select: { createdAt: true, id: true } })
    : null;
  if (query.after && !cursor) {
    const message = "is not an event of this organisation";
    throw new AppError("validation_failed", `Invalid input: query.after: ${message}`, {
      fields: [{ path: "query.after", message, type: "invalid" }],
    });
  }
  const rows = await db.event.findMany({
    where: {
      organizationId,
      type: { in: types },
      ...(cursor ? { OR: [{ createdAt: { gt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { gt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: query.limit + 1,
  });
  return {
    events: rows
      .slice(0, query.limit)
      .map((row) => ({ ...eventPayload(row), type: row.type as EventType, data: row.data as Prisma.JsonObject })),
    has_more: rows.length > query.limit,
  };
}
