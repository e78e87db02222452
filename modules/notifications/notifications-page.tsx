import { LocalDate } from "@/components/ui/local-date";
import { requirePageActor } from "@/lib/auth/page-guard";
import { EVENT_DESCRIPTIONS, isEventType } from "@/lib/events/event-types";
import { listNotifications } from "@/lib/notifications/notifications";
import { markAllReadAction, openNotificationAction } from "./actions";

/** What happened that the member's organisation must act on or know, newest first. */
export default async function NotificationsPage() {
  const actor = await requirePageActor(["partner", "brand", "creator"]);
  const notifications = await listNotifications({ actor });
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">Notifications</h1>
          <p className="mt-1 text-sm text-slate-600">
            {unread === 0 ? "Nothing unread." : `${unread} unread.`} Each one opens the page that needs attention.
          </p>
        </div>
        {unread > 0 && (
          <form action={markAllReadAction}>
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
              Mark all read
            </button>
          </form>
        )}
      </header>
      {notifications.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-sm text-slate-600">
          No notifications yet: proposals, signatures, submissions, payments and disputes that concern your organisation appear here.
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {notifications.map((n) => (
            <li key={n.id} className={n.read ? "" : "bg-brand-50"}>
              <form action={openNotificationAction} className="flex flex-wrap items-center justify-between gap-3 p-4">
                <input type="hidden" name="id" value={n.id} />
                <div className="min-w-0">
                  <p className={`text-sm ${n.read ? "text-slate-700" : "font-semibold text-slate-900"}`}>
                    {n.read ? "" : <span className="sr-only">Unread: </span>}
                    {n.summary}
                  </p>
                  <p className="mt-0.5 text-xs text-slate-500">
                    {isEventType(n.type) ? EVENT_DESCRIPTIONS[n.type] : n.type} · <LocalDate value={n.createdAt} time />
                  </p>
                </div>
                <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-600">
                  Open
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
