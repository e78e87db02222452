/**
 * A member's notifications: one per event told to their organisation while they were a
 * member (lib/events/emit-event.ts), newest first, each read or not. A member sees and
 * marks only their own.
 */
import type { Actor } from "../auth/actor";
import { getDb } from "../db";
import { findOrNotFound } from "../find-or-not-found";

export interface NotificationItem {
  id: string;
  type: string;
  summary: string;
  link: string;
  createdAt: string;
  read: boolean;
}

export async function countUnreadNotifications(options: { actor: Actor }): Promise<number> {
  return getDb().notification.count({ where: { userId: options.actor.id, readAt: null } });
}

export async function listNotifications(options: { actor: Actor; limit?: number }): Promise<NotificationItem[]> {
  const rows = await getDb().notification.findMany({
    where: { userId: options.actor.id },
    include: { event: { select: { type: true, summary: true, link: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.limit ?? 50, 200),
  });
  return rows.map((n) => ({
    id: n.id,
    type: n.event.type,
    summary: n.event.summary,
    link: n.event.link,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
  }));
}

/** Marks one read and answers where it leads. */
export async function openNotification(options: { actor: Actor; notificationId: string; now?: Date }): Promise<{ link: string }> {
  const db = getDb();
  const notification = await findOrNotFound("Notification", options.notificationId, (id) =>
    db.notification.findFirst({ where: { id, userId: options.actor.id }, include: { event: { select: { link: true } } } }),
  );
  if (!notification.readAt) await db.notification.update({ where: { id: notification.id }, data: { readAt: options.now ?? new Date() } });
  return { link: notification.event.link };
}

export async function markAllNotificationsRead(options: { actor: Actor; now?: Date }): Promise<number> {
  const { count } = await getDb().notification.updateMany({
    where: { userId: options.actor.id, readAt: null },
    data: { readAt: options.now ?? new Date() },
  });
  return count;
}
