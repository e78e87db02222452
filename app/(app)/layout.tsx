import { redirect } from "next/navigation";
import { AppHeader } from "@/modules/layout/app-header";
import { actorFromSession } from "@/lib/auth/actor";
import { countUnreadNotifications } from "@/lib/notifications/notifications";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await actorFromSession();
  if (!actor) redirect("/login");
  const unread = actor.role === "admin" ? null : await countUnreadNotifications({ actor });
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <AppHeader actor={actor} unread={unread} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
