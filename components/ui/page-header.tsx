import Link from "next/link";
import type { ReactNode } from "react";

/** The heading of every partner page below the overview: a way back, the title, a one-line summary and optional actions. */
export function PartnerPageHeader({
  title,
  children,
  actions,
  back = { href: "/dashboard", label: "Partner dashboard" },
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <header className="flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <p className="text-sm">
          <Link href={back.href} className="text-brand-700 underline-offset-2 hover:underline">
            ← {back.label}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
        <p className="mt-1 text-slate-600">{children}</p>
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

/** A link styled as the primary button, for a page's main action ("New sponsorship"). */
export function HeaderAction({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
    >
      {children}
    </Link>
  );
}
