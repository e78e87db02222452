import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { countUnreadNotifications } from "@/lib/notifications/notifications";
import { AppHeader } from "./app-header";

/**
 * The frame of every page: the skip link, the header (the signed-in reader's menu, or a
 * sign-in link for a visitor) and the main region.
 */
export async function AppShell({ actor, children }: { actor: Actor | null; children: React.ReactNode }) {
  const unread = actor && actor.role !== "admin" ? await countUnreadNotifications({ actor }) : null;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      {actor ? (
        <AppHeader actor={actor} unread={unread} />
      ) : (
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
            <Link href="/" className="text-lg font-semibold text-brand-700">
              Harambee
            </Link>
            <Link href="/login" className="text-sm text-slate-700 hover:text-brand-700">
              Sign in
            </Link>
          </div>
        </header>
      )}
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
