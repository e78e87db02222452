import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { MobileMenu } from "./mobile-menu";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "@/modules/auth/sign-out-button";

const NAV: Record<Actor["role"], Array<{ href: string; label: string }>> = {
  partner: [
    { href: "/dashboard", label: "Dashboard" },
    { href: "/dashboard/impact", label: "Impact" },
    { href: "/dashboard/sponsorships", label: "Sponsorships" },
    { href: "/dashboard/students", label: "Students" },
    { href: "/dashboard/counties", label: "Counties" },
    { href: "/dashboard/programs", label: "Programs" },
    { href: "/dashboard/payments", label: "Payments" },
    { href: "/dashboard/reports", label: "Reports" },
    { href: "/team", label: "Team" },
    { href: "/docs", label: "API" },
  ],
  creator: [
    { href: "/workspace", label: "Workspace" },
    { href: "/workspace/calendar", label: "Calendar" },
    { href: "/team", label: "Team" },
    { href: "/docs", label: "API" },
  ],
  brand: [
    { href: "/workspace", label: "Workspace" },
    { href: "/workspace/campaigns", label: "Campaigns" },
    { href: "/workspace/calendar", label: "Calendar" },
    { href: "/team", label: "Team" },
    { href: "/docs", label: "API" },
  ],
  admin: [
    { href: "/admin", label: "Payments to verify" },
    { href: "/admin/disputes", label: "Disputes" },
    { href: "/admin/organization", label: "Issuer details" },
  ],
};

/** The header; `unread` is the member's count of unread notifications (none for admins). On narrow screens the menu folds behind one button. */
export function AppHeader({ actor, unread }: { actor: Actor; unread: number | null }) {
  const account = (
    <Link href="/account" className="text-slate-600 hover:text-brand-700">
      {actor.name}{" "}
      <span className="text-slate-500">
        ({actor.role}
        {actor.memberRole && actor.memberRole !== "owner" ? ` · ${actor.memberRole}` : ""})
      </span>
    </Link>
  );
  return (
    <header className="relative border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <div className="flex min-w-0 items-center gap-6">
          <Link href="/" className="text-lg font-semibold text-brand-700">
            Harambee
          </Link>
          <nav aria-label="Main" className="hidden lg:block">
            <NavLinks items={NAV[actor.role]} />
          </nav>
        </div>
        <div className="flex items-center gap-3 text-sm">
          {unread !== null && <NotificationsLink unread={unread} />}
          <div className="hidden items-center gap-3 lg:flex">
            {account}
            <SignOutButton />
          </div>
          <MobileMenu>
            <nav aria-label="Main">
              <NavLinks items={NAV[actor.role]} stacked />
            </nav>
            <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-3 text-sm">
              {account}
              <SignOutButton />
            </div>
          </MobileMenu>
        </div>
      </div>
    </header>
  );
}

function NotificationsLink({ unread }: { unread: number }) {
  return (
    <Link
      href="/notifications"
      className="rounded-full border border-slate-300 px-2.5 py-0.5 whitespace-nowrap text-slate-700 hover:border-brand-600 hover:text-brand-700"
      data-testid="notifications-link"
    >
      Notifications
      {unread > 0 && (
        <span className="ml-1.5 rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white" data-testid="unread-count">
          {unread}
          <span className="sr-only"> unread</span>
        </span>
      )}
    </Link>
  );
}
